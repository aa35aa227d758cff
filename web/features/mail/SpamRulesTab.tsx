import { ActionIcon, Badge, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconShieldCheck, IconTrash } from '@tabler/icons-react';
import type { MailRule } from '../../../contracts/mail';
import { notifyError, notifySuccess } from '../../app/notify';
import { confirmAction } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { TableFrame } from '../../components/TableFrame';
import { LoopGuardCard } from './LoopGuardCard';
import { useDeleteMailRule, useMailRules } from './mail.queries';
import { SpamRuleForm } from './SpamRuleForm';

function describeRule(rule: MailRule): string {
  return rule.kind === 'header' ? `${rule.header ?? 'header'} contains “${rule.pattern}”` : rule.pattern;
}

/** Rules that hold mail back as spam, and the per-sender limit that stops mail loops. */
export function SpamRulesTab() {
  return (
    <Stack gap="lg">
      <SpamRulesCard />
      <LoopGuardCard />
    </Stack>
  );
}

function SpamRulesCard() {
  const rules = useMailRules();
  const remove = useDeleteMailRule();
  const all = rules.data ?? [];

  const askDelete = (rule: MailRule) =>
    confirmAction({
      title: 'Remove this rule?',
      message: `Mail matching ${describeRule(rule)} is no longer held back as spam. Mail it caught before stays under Failed & spam.`,
      confirmLabel: 'Remove rule',
      danger: true,
      onConfirm: () =>
        remove.mutate(rule.id, {
          onSuccess: () => notifySuccess(`${describeRule(rule)} no longer counts as spam.`, 'Rule removed'),
          onError: (error) => notifyError(error),
        }),
    });

  return (
    <SectionCard
      title="Spam rules"
      description="Mail from a blocked sender or domain, or with a header your spam filter sets, goes to Spam instead of becoming a ticket."
    >
      <SpamRuleForm />
      {rules.isPending ? (
        <LoadingState label="Loading spam rules" rows={3} />
      ) : rules.isError ? (
        <ErrorState
          error={rules.error}
          title="Spam rules could not be loaded"
          onRetry={() => void rules.refetch()}
          retrying={rules.isRefetching}
        />
      ) : all.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconShieldCheck size={22} stroke={1.5} />}
          title="No spam rules yet"
          description="Block a sender such as offers@spam.example, a whole domain such as @spam.example, or mail your filter marks with X-Spam-Flag: yes."
        />
      ) : (
        <TableFrame minWidth={640}>
          <Table verticalSpacing="sm" aria-label="Spam rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Holds back</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {all.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>
                    <Text fz="sm" ff="monospace">
                      {describeRule(rule)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      variant="light"
                      color={rule.kind === 'header' ? 'grape' : 'orange'}
                      tt="none"
                    >
                      {rule.kind === 'header' ? 'Header' : 'Sender'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c={rule.note ? undefined : 'dimmed'}>
                      {rule.note || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime value={rule.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label="Remove rule">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove the rule ${describeRule(rule)}`}
                        onClick={() => askDelete(rule)}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
    </SectionCard>
  );
}
