import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconTags, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { THEME_RULE_LIMITS } from '../../../contracts/feedback-loop';
import { notifyError, notifySuccess } from '../../app/notify';
import { confirmAction } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { QueryList } from '../../components/QueryList';
import { SectionCard } from '../../components/SectionCard';
import {
  useCreateTheme,
  useCreateThemeRule,
  useDeleteTheme,
  useDeleteThemeRule,
  useRenameTheme,
  useRunThemeRules,
  useThemeRules,
  useThemes,
  useUpdateThemeRule,
} from './feedback-loop.queries';

/** Themes answers are tagged with, and the words that tag them. */
export function ThemesPanel({ canManage }: { canManage: boolean }) {
  return (
    <Stack gap="lg">
      <ThemesList canManage={canManage} />
      <RulesList canManage={canManage} />
    </Stack>
  );
}

function ThemesList({ canManage }: { canManage: boolean }) {
  const themes = useThemes();
  const create = useCreateTheme();
  const rename = useRenameTheme();
  const remove = useDeleteTheme();
  const [name, setName] = useState('');
  const add = () =>
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: () => setName(''),
        onError: (error) => notifyError(error, 'The theme was not added'),
      },
    );
  const rows = themes.data ?? [];
  return (
    <SectionCard
      title="Themes"
      description="What answers are about: tag them by hand on an answer, or by rules below."
    >
      {canManage && (
        <Group gap="xs" align="flex-end">
          <TextInput
            label="New theme"
            placeholder="e.g. Slow"
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && name.trim()) add();
            }}
          />
          <Button onClick={add} loading={create.isPending} disabled={!name.trim()}>
            Add theme
          </Button>
        </Group>
      )}
      <QueryList
        query={themes}
        loadingLabel="Loading themes"
        errorTitle="Themes could not be loaded"
        isEmpty={rows.length === 0}
        empty={
          <EmptyState
            size="sm"
            icon={<IconTags size={24} stroke={1.5} />}
            title="No themes yet"
            description="Add themes such as Slow, Rude or Billing to see what negative answers are about."
          />
        }
      >
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Theme</Table.Th>
                <Table.Th>Answers</Table.Th>
                {canManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    {canManage ? (
                      <TextInput
                        aria-label={`Name of theme ${t.name}`}
                        defaultValue={t.name}
                        maxLength={40}
                        size="xs"
                        onBlur={(e) => {
                          const next = e.currentTarget.value.trim();
                          if (next && next !== t.name)
                            rename.mutate(
                              { id: t.id, name: next },
                              { onError: (error) => notifyError(error, 'The theme was not renamed') },
                            );
                        }}
                      />
                    ) : (
                      t.name
                    )}
                  </Table.Td>
                  <Table.Td>{t.answers}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Tooltip label="Delete theme">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${t.name}`}
                          onClick={() =>
                            confirmAction({
                              title: `Delete ${t.name}?`,
                              message: 'Its rules go too, and answers lose this tag.',
                              confirmLabel: 'Delete',
                              danger: true,
                              onConfirm: () =>
                                remove.mutate(t.id, {
                                  onError: (error) => notifyError(error, 'The theme was not deleted'),
                                }),
                            })
                          }
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryList>
    </SectionCard>
  );
}

function RulesList({ canManage }: { canManage: boolean }) {
  const rules = useThemeRules();
  const themes = useThemes();
  const create = useCreateThemeRule();
  const update = useUpdateThemeRule();
  const remove = useDeleteThemeRule();
  const run = useRunThemeRules();
  const [themeId, setThemeId] = useState<string | null>(null);
  const [phrases, setPhrases] = useState<string[]>([]);
  const add = () =>
    create.mutate(
      { themeId: Number(themeId), phrases },
      {
        onSuccess: () => {
          setPhrases([]);
          notifySuccess('Rule added: it tags answers from now on. Run the rules again for past answers.');
        },
        onError: (error) => notifyError(error, 'The rule was not added'),
      },
    );
  const rows = rules.data ?? [];
  return (
    <SectionCard
      title="Theme rules"
      description="Words or short phrases, matched as whole words and ignoring case, that tag an answer when it arrives."
      actions={
        canManage ? (
          <Button
            size="xs"
            variant="light"
            loading={run.isPending}
            onClick={() =>
              run.mutate(undefined, {
                onSuccess: (r) =>
                  notifySuccess(`${r.answers} answers read: ${r.tagged} tags added, ${r.removed} removed`),
                onError: (error) => notifyError(error, 'The rules did not run'),
              })
            }
          >
            Run rules on past answers
          </Button>
        ) : undefined
      }
    >
      {canManage && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label="Theme"
            placeholder="Choose"
            data={(themes.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
            value={themeId}
            onChange={setThemeId}
            w={180}
          />
          <TagsInput
            label="Words or phrases"
            description="Press Enter after each"
            placeholder="took ages"
            value={phrases}
            onChange={setPhrases}
            maxTags={THEME_RULE_LIMITS.phrases}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button onClick={add} loading={create.isPending} disabled={!themeId || phrases.length === 0}>
            Add rule
          </Button>
        </Group>
      )}
      <QueryList
        query={rules}
        loadingLabel="Loading rules"
        errorTitle="Rules could not be loaded"
        isEmpty={rows.length === 0}
        empty={
          <EmptyState
            size="sm"
            title="No rules yet"
            description="Without rules, answers are tagged by hand only."
          />
        }
      >
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Theme</Table.Th>
                <Table.Th>Words</Table.Th>
                <Table.Th>Active</Table.Th>
                {canManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>{rule.theme.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {rule.phrases.map((p) => (
                        <Badge key={p} variant="light" color="gray" tt="none">
                          {p}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Rule for ${rule.theme.name} active`}
                      checked={rule.active}
                      disabled={!canManage}
                      onChange={(e) =>
                        update.mutate(
                          { id: rule.id, body: { active: e.currentTarget.checked } },
                          { onError: (error) => notifyError(error, 'The rule was not changed') },
                        )
                      }
                    />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Tooltip label="Delete rule">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete rule for ${rule.theme.name}`}
                          onClick={() =>
                            remove.mutate(rule.id, {
                              onError: (error) => notifyError(error, 'The rule was not deleted'),
                            })
                          }
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryList>
      {!canManage && (
        <Text fz="xs" c="dimmed">
          Managers keep themes and rules.
        </Text>
      )}
    </SectionCard>
  );
}
