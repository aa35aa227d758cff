import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { SurveyReason, SurveySettings } from '../../../contracts/feedback';
import { notifyError, notifySuccess } from '../../app/notify';
import { channelOptions, typeOptions } from '../../app/ticketLabels';
import { QueryList } from '../../components/QueryList';
import { useTeamOptions } from '../teams/teams.queries';
import {
  useCreateSurveyReason,
  useSurveyReasons,
  useSurveySettings,
  useUpdateSurveyReason,
  useUpdateSurveySettings,
} from './feedback.queries';

type Draft = Omit<SurveySettings, 'updatedAt'>;

function SettingsForm({ settings, canManage }: { settings: SurveySettings; canManage: boolean }) {
  const { updatedAt: _, ...initial } = settings;
  const [draft, setDraft] = useState<Draft>(initial);
  const save = useUpdateSurveySettings();
  const teams = useTeamOptions();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, {
      onSuccess: () => notifySuccess('Survey settings saved'),
      onError: (error) => notifyError(error, 'The settings were not saved'),
    });
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-label="Survey settings">
      <Stack gap="md">
        <Title order={2} fz="h4">
          Satisfaction survey
        </Title>
        <Switch
          label="Ask customers how it went after their ticket is solved"
          checked={draft.enabled}
          onChange={(event) => set({ enabled: event.currentTarget.checked })}
          disabled={!canManage}
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="survey-scale">
            Scale
          </Text>
          <SegmentedControl
            aria-labelledby="survey-scale"
            value={draft.scale}
            onChange={(value) => set({ scale: value === 'binary' ? 'binary' : 'five' })}
            data={[
              { value: 'five', label: '1 to 5' },
              { value: 'binary', label: 'Good or bad' },
            ]}
            disabled={!canManage}
            w="fit-content"
          />
          <Text fz="xs" c="dimmed">
            CSAT counts 4 and 5 (or good) as positive.
          </Text>
        </Stack>
        <Switch
          label="Also ask about effort (CES, 1–7): “The company made it easy to handle my issue.”"
          checked={draft.askEffort}
          onChange={(event) => set({ askEffort: event.currentTarget.checked })}
          disabled={!canManage}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Send after solving"
            description="Minutes"
            min={0}
            max={20160}
            value={draft.delayMinutes}
            onChange={(value) => set({ delayMinutes: Number(value) || 0 })}
            disabled={!canManage}
          />
          <NumberInput
            label="Link works for"
            description="Days after sending"
            min={1}
            max={365}
            value={draft.linkDays}
            onChange={(value) => set({ linkDays: Number(value) || 1 })}
            disabled={!canManage}
          />
          <NumberInput
            label="Answer can change for"
            description="Days after answering"
            min={0}
            max={365}
            value={draft.changeDays}
            onChange={(value) => set({ changeDays: Number(value) || 0 })}
            disabled={!canManage}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MultiSelect
            label="Only these channels"
            placeholder={draft.channels.length ? undefined : 'Every channel'}
            data={channelOptions}
            value={draft.channels}
            onChange={(value) => set({ channels: value as Draft['channels'] })}
            disabled={!canManage}
          />
          <MultiSelect
            label="Only these types"
            placeholder={draft.types.length ? undefined : 'Every type'}
            data={typeOptions}
            value={draft.types}
            onChange={(value) => set({ types: value as Draft['types'] })}
            disabled={!canManage}
          />
          <MultiSelect
            label="Only these teams"
            placeholder={draft.teamIds.length ? undefined : 'Every team'}
            data={teams.data ?? []}
            value={draft.teamIds.map(String)}
            onChange={(value) => set({ teamIds: value.map(Number) })}
            disabled={!canManage}
          />
        </SimpleGrid>
        {canManage && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ReasonRow({ reason, canManage }: { reason: SurveyReason; canManage: boolean }) {
  const update = useUpdateSurveyReason();
  const toggle = () =>
    update.mutate(
      { id: reason.id, body: { active: !reason.active } },
      { onError: (error) => notifyError(error, 'The reason was not changed') },
    );
  return (
    <Group justify="space-between" wrap="nowrap" py={4}>
      <Text fz="sm" c={reason.active ? undefined : 'dimmed'} td={reason.active ? undefined : 'line-through'}>
        {reason.label}
      </Text>
      {canManage && (
        <Tooltip label={reason.active ? 'Retire: answers keep it' : 'Offer it again'}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={toggle}
            loading={update.isPending}
            aria-label={reason.active ? `Retire ${reason.label}` : `Offer ${reason.label} again`}
          >
            {reason.active ? <IconArchive size={16} /> : <IconArrowBackUp size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

function Reasons({ canManage }: { canManage: boolean }) {
  const reasons = useSurveyReasons();
  const create = useCreateSurveyReason();
  const [label, setLabel] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return;
    create.mutate(
      { label: label.trim() },
      { onSuccess: () => setLabel(''), onError: (error) => notifyError(error, 'The reason was not added') },
    );
  };
  const rows = reasons.data ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="h4">
            Reasons
          </Title>
          <Text fz="sm" c="dimmed">
            What a customer can pick as what mattered most. A retired reason stays on the answers that chose
            it.
          </Text>
        </Stack>
        <QueryList
          query={reasons}
          loadingLabel="Loading reasons"
          errorTitle="Reasons could not be loaded"
          isEmpty={rows.length === 0}
          empty={
            <Text fz="sm" c="dimmed">
              No reasons yet: customers only rate and comment.
            </Text>
          }
        >
          <Stack gap={0}>
            {rows.map((reason) => (
              <ReasonRow key={reason.id} reason={reason} canManage={canManage} />
            ))}
          </Stack>
        </QueryList>
        {canManage && (
          <Group component="form" onSubmit={add} gap="xs" align="flex-end" aria-label="Add a reason">
            <TextInput
              label="New reason"
              placeholder="e.g. Quick answer"
              value={label}
              onChange={(event) => setLabel(event.currentTarget.value)}
              maxLength={80}
              style={{ flex: 1 }}
            />
            <Button
              type="submit"
              variant="default"
              leftSection={<IconPlus size={16} />}
              loading={create.isPending}
            >
              Add
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Feedback → Settings: which tickets are surveyed, when, on what scale, and the reasons offered. */
export function SurveySettingsPanel({ canManage }: { canManage: boolean }) {
  const settings = useSurveySettings();
  return (
    <Stack gap="md">
      <QueryList
        query={settings}
        loadingLabel="Loading survey settings"
        errorTitle="Survey settings could not be loaded"
        isEmpty={false}
        empty={null}
      >
        {settings.data && (
          // Saved settings come back with a new time: the form starts again from them.
          <SettingsForm
            key={settings.data.updatedAt ?? 'default'}
            settings={settings.data}
            canManage={canManage}
          />
        )}
      </QueryList>
      <Reasons canManage={canManage} />
    </Stack>
  );
}
