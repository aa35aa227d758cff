import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type Action,
  type Automation,
  type ConditionField,
  type Conditions,
  conditionFields,
  describeAutomation,
  describeTrigger,
  type Trigger,
  type TriggerWhen,
  timeFields,
} from '../../../contracts/automation';
import { errorMessage, isApiError } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { SectionCard } from '../../components/SectionCard';
import {
  useAutomationDryRun,
  useRuleNames,
  useSaveAutomation,
  useSaveTrigger,
  useTriggerDryRun,
} from './automation.queries';
import { DryRunTable } from './DryRunTable';
import { ActionsEditor, ConditionsEditor, newCondition } from './RuleFields';

export type RuleKind = 'trigger' | 'automation';

interface Draft {
  name: string;
  active: boolean;
  when: TriggerWhen;
  conditions: Conditions;
  actions: Action[];
}

const whenOptions = [
  { value: 'create', label: 'Created' },
  { value: 'update', label: 'Updated' },
  { value: 'both', label: 'Either' },
];

const triggerFields = conditionFields.filter((f) => !(timeFields as readonly string[]).includes(f));

function draftOf(kind: RuleKind, rule: Trigger | Automation | null): Draft {
  if (rule)
    return {
      name: rule.name,
      active: rule.active,
      when: 'when' in rule ? rule.when : 'both',
      conditions: rule.conditions,
      actions: rule.actions,
    };
  return {
    name: '',
    active: true,
    when: 'create',
    conditions: {
      all: [kind === 'automation' ? newCondition('hours_since_pending') : newCondition('type')],
      any: [],
    },
    actions: [{ type: 'set', field: 'priority', value: 'high' }],
  };
}

/** Where the server put its finding, in words ("Condition 1: …"). */
function problemText(error: unknown): string {
  if (!isApiError(error)) return errorMessage(error);
  const issue = error.fieldIssues[0];
  if (!issue) return error.message;
  const path = issue.path.split('.');
  const where =
    path[0] === 'conditions'
      ? `Condition ${Number(path[2] ?? 0) + 1}${path[1] === 'any' ? ' (any)' : ''}: `
      : path[0] === 'actions'
        ? `Action ${Number(path[1] ?? 0) + 1}: `
        : '';
  return `${where}${issue.message}`;
}

/** Editor of a trigger or an automation: its sentence, conditions and actions, and a dry run before saving. */
export function RuleEditorModal({
  kind,
  rule,
  opened,
  onClose,
}: {
  kind: RuleKind;
  rule: Trigger | Automation | null;
  opened: boolean;
  onClose: () => void;
}) {
  const noun = kind === 'trigger' ? 'trigger' : 'automation';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={rule ? `Edit ${rule.name}` : `New ${noun}`}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <RuleEditor key={rule?.id ?? 'new'} kind={kind} rule={rule} onDone={onClose} />
    </Modal>
  );
}

export function RuleEditor({
  kind,
  rule,
  onDone,
}: {
  kind: RuleKind;
  rule: Trigger | Automation | null;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(kind, rule));
  const [problem, setProblem] = useState<string | null>(null);
  const { names, teamOptions, staffOptions } = useRuleNames();
  const saveTrigger = useSaveTrigger();
  const saveAutomation = useSaveAutomation();
  const triggerDryRun = useTriggerDryRun();
  const automationDryRun = useAutomationDryRun();
  const dryRun = kind === 'trigger' ? triggerDryRun : automationDryRun;
  const options = { teams: teamOptions, staff: staffOptions };
  const fields: ConditionField[] = kind === 'trigger' ? triggerFields : [...conditionFields];
  const isDefault = rule !== null && 'kind' in rule && rule.kind === 'auto_close';
  const body = {
    name: draft.name.trim() || 'Untitled',
    active: draft.active,
    conditions: draft.conditions,
    actions: draft.actions,
  };
  const sentence =
    kind === 'trigger'
      ? describeTrigger({ ...draft, actions: draft.actions }, names)
      : describeAutomation(draft, names);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    dryRun.reset();
  };

  const test = () => {
    setProblem(null);
    if (kind === 'trigger') triggerDryRun.mutate({ ...body, when: draft.when });
    else automationDryRun.mutate(body);
  };
  const save = () => {
    setProblem(null);
    if (!draft.name.trim()) {
      setProblem('Give it a name');
      return;
    }
    const handlers = {
      onSuccess: (saved: { name: string }) => {
        notifySuccess(`${saved.name} is saved.`, rule ? 'Saved' : 'Created');
        onDone();
      },
      onError: (error: unknown) => setProblem(problemText(error)),
    };
    if (kind === 'trigger')
      saveTrigger.mutate({ id: rule?.id ?? null, body: { ...body, when: draft.when } }, handlers);
    else saveAutomation.mutate({ id: rule?.id ?? null, body }, handlers);
  };
  const saving = saveTrigger.isPending || saveAutomation.isPending;

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Name"
          placeholder={
            kind === 'trigger' ? 'e.g. Complaints to the Complaints team' : 'e.g. Pending 3 days: remind'
          }
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          style={{ flex: 1 }}
          miw={220}
          data-autofocus
        />
        <Switch
          label="Active"
          checked={draft.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      {kind === 'trigger' && (
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="trigger-when">
            When a ticket is
          </Text>
          <SegmentedControl
            aria-labelledby="trigger-when"
            data={whenOptions}
            value={draft.when}
            onChange={(v) => set({ when: v as TriggerWhen })}
            w="fit-content"
          />
        </Stack>
      )}
      {isDefault && (
        <Alert color="blue" title="The default automation">
          Its hours are the auto-close setting under Ticket fields (whole days); changing one changes the
          other.
        </Alert>
      )}
      <ConditionsEditor
        value={draft.conditions}
        fields={fields}
        options={options}
        onChange={(conditions) => set({ conditions })}
      />
      <ActionsEditor value={draft.actions} options={options} onChange={(actions) => set({ actions })} />
      <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)">
        <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
          In words
        </Text>
        <Text fz="sm" aria-live="polite" data-testid="rule-sentence">
          {sentence}
        </Text>
      </Paper>
      {problem && (
        <Alert color="red" title="Not saved" data-form-error>
          {problem}
        </Alert>
      )}
      {(dryRun.data || dryRun.isError) && (
        <SectionCard
          title={kind === 'trigger' ? 'Tried on the last 100 tickets' : 'What the next run would do'}
          description={
            kind === 'trigger'
              ? "Each ticket's latest change, replayed with this trigger. Nothing changes until you save."
              : 'The tickets it would act on now (at most 100). Nothing changes until it runs.'
          }
        >
          {dryRun.isError ? (
            <ErrorState error={dryRun.error} title={problemText(dryRun.error)} onRetry={test} />
          ) : dryRun.data ? (
            <DryRunTable result={dryRun.data} matchedOnly={kind === 'automation'} />
          ) : null}
        </SectionCard>
      )}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Button
          variant="default"
          leftSection={<IconPlayerPlay size={16} />}
          onClick={test}
          loading={dryRun.isPending}
        >
          {kind === 'trigger' ? 'Test on the last 100 tickets' : 'Preview the next run'}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={save} loading={saving}>
            {rule ? 'Save' : `Create ${kind}`}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
