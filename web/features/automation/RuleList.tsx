import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { Automation, Trigger } from '../../../contracts/automation';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RelativeTime } from '../../components/RelativeTime';
import { MoveButtons, useProposedOrder } from '../../components/Reorder';
import {
  useDeleteAutomation,
  useDeleteTrigger,
  useOrderTriggers,
  useRunAutomation,
  useToggleAutomation,
  useToggleTrigger,
} from './automation.queries';
import type { RuleKind } from './RuleEditorModal';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Rule = Trigger | Automation;

/** The rules in the order they run: on/off, edit, delete; triggers reorder, automations run now. */
export function RuleList({
  kind,
  rules,
  canManage,
  onEdit,
}: {
  kind: RuleKind;
  rules: Rule[];
  canManage: boolean;
  onEdit: (rule: Rule) => void;
}) {
  const { current, changed, move, reset } = useProposedOrder(rules.map((r) => r.id));
  const order = useOrderTriggers();
  const toggleTrigger = useToggleTrigger();
  const toggleAutomation = useToggleAutomation();
  const removeTrigger = useDeleteTrigger();
  const removeAutomation = useDeleteAutomation();
  const run = useRunAutomation();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const reorderable = canManage && kind === 'trigger';
  const toggle = (rule: Rule, active: boolean) =>
    (kind === 'trigger' ? toggleTrigger : toggleAutomation).mutate(
      { id: rule.id, active },
      { onError: (error) => notifyError(error, 'Not changed') },
    );
  const remove = (rule: Rule) =>
    (kind === 'trigger' ? removeTrigger : removeAutomation).mutate(rule.id, {
      onError: (error) => notifyError(error, 'Not deleted'),
    });
  const runNow = (rule: Rule) =>
    run.mutate(rule.id, {
      onSuccess: (result) =>
        notifySuccess(
          `${count(result.acted, 'ticket', 'tickets')} acted on, of ${result.checked} looked at${result.failed ? `; ${result.failed} failed` : ''}.`,
          `${rule.name} ran`,
        ),
      onError: (error) => notifyError(error, 'Not run'),
    });

  return (
    <Stack gap="md">
      <Stack
        gap="xs"
        component="ol"
        aria-label={kind === 'trigger' ? 'Triggers, first to last' : 'Automations'}
        p={0}
        m={0}
      >
        {current.map((id, index) => {
          const rule = byId.get(id);
          if (!rule) return null;
          const isDefault = 'kind' in rule && rule.kind === 'auto_close';
          const stat =
            'firedCount' in rule
              ? { n: rule.firedCount, verb: 'fired', at: rule.lastFiredAt }
              : { n: rule.actedCount, verb: 'acted', at: rule.lastRunAt };
          return (
            <Paper
              key={id}
              component="li"
              withBorder
              p="sm"
              radius="md"
              style={{ listStyle: 'none' }}
              aria-label={rule.name}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Text fw={600} c="dimmed" w={24} style={{ flexShrink: 0 }}>
                  {index + 1}.
                </Text>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {rule.name}
                    </Text>
                    {!rule.active && (
                      <Badge color="gray" variant="light" tt="none">
                        Off
                      </Badge>
                    )}
                    {isDefault && (
                      <Badge color="blue" variant="light" tt="none">
                        Default
                      </Badge>
                    )}
                  </Group>
                  <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    {rule.description}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {stat.n === 0 ? (
                      `Never ${stat.verb} yet`
                    ) : (
                      <>
                        {stat.verb === 'fired'
                          ? `Fired ${count(stat.n, 'time', 'times')}`
                          : `Acted on ${count(stat.n, 'ticket', 'tickets')}`}
                        {stat.at && (
                          <>
                            {', last '}
                            <RelativeTime value={stat.at} />
                          </>
                        )}
                      </>
                    )}
                  </Text>
                </Stack>
                {canManage && (
                  <Group
                    gap={4}
                    wrap="wrap"
                    justify="flex-end"
                    style={{ flexShrink: 0 }}
                    maw={{ base: 120, sm: 'none' }}
                  >
                    <Switch
                      aria-label={`${rule.name} on`}
                      checked={rule.active}
                      onChange={(e) => toggle(rule, e.currentTarget.checked)}
                      mr={4}
                    />
                    {reorderable && (
                      <MoveButtons name={rule.name} index={index} count={current.length} onMove={move} />
                    )}
                    {kind === 'automation' && (
                      <Tooltip label="Run now">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Run ${rule.name} now`}
                          loading={run.isPending && run.variables === rule.id}
                          onClick={() => runNow(rule)}
                        >
                          <IconPlayerPlay size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    <Button variant="default" size="xs" onClick={() => onEdit(rule)}>
                      Edit
                    </Button>
                    {!isDefault && (
                      <ConfirmButton
                        variant="subtle"
                        color="red"
                        size="xs"
                        confirmTitle={`Delete ${rule.name}?`}
                        confirmMessage="It stops at once. What it already did stays in the tickets' history."
                        confirmLabel="Delete"
                        danger
                        onConfirm={() => remove(rule)}
                      >
                        Delete
                      </ConfirmButton>
                    )}
                  </Group>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {changed && (
        <Group justify="flex-end" gap="xs">
          <Text fz="sm" c="dimmed" mr="auto">
            Triggers run in this order; later ones see what earlier ones changed.
          </Text>
          <Button variant="default" onClick={reset}>
            Cancel
          </Button>
          <Button
            loading={order.isPending}
            onClick={() =>
              order.mutate(current, {
                onSuccess: () => {
                  reset();
                  notifySuccess('Triggers run in the new order from the next ticket change.', 'Order saved');
                },
                onError: (error) => notifyError(error, 'Order not saved'),
              })
            }
          >
            Save order
          </Button>
        </Group>
      )}
    </Stack>
  );
}
