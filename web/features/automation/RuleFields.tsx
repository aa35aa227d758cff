import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  type Action,
  type Condition,
  type ConditionField,
  type ConditionOperator,
  type Conditions,
  operatorsOf,
  slaStates,
  timeFields,
} from '../../../contracts/automation';
import { channelOptions, priorityOptions, statusOptions, typeOptions } from '../../app/ticketLabels';

// The pieces of the rule editor: a condition or an action as a row of inputs.

export interface Option {
  value: string;
  label: string;
}
export interface RuleOptions {
  teams: Option[];
  staff: Option[];
}

const fieldLabels: Record<ConditionField, string> = {
  status: 'Status',
  priority: 'Priority',
  type: 'Type',
  channel: 'Channel',
  team: 'Team',
  assignee: 'Assignee',
  category: 'Category (id)',
  organization: 'Organisation (id)',
  requester: 'Requester (id)',
  mailbox: 'Mailbox (id)',
  tags: 'Tags',
  custom_field: 'Custom field',
  contract_plan: 'Contract plan',
  subject: 'Subject',
  body: "Customer's message",
  text: 'Subject or message',
  business_hours: 'Business hours',
  sla: 'Service level',
  hours_since_created: 'Hours since created',
  hours_since_updated: 'Hours since the last update',
  hours_since_pending: 'Hours pending',
  hours_since_customer_message: "Hours since the customer's last message",
  hours_since_solved: 'Hours since solved',
};

const operatorLabels: Record<ConditionOperator, string> = {
  is: 'is',
  is_not: 'is not',
  one_of: 'is one of',
  changed: 'changed',
  changed_to: 'changed to',
  changed_from: 'changed from',
  contains: 'contains',
  not_contains: 'does not contain',
  matches: 'matches the pattern',
  is_set: 'is set',
  not_set: 'is empty',
  within: 'now within',
  outside: 'now outside',
  at_least: 'at least',
  less_than: 'less than',
};

const isTime = (field: ConditionField) => (timeFields as readonly string[]).includes(field);
const noValue = (op: ConditionOperator) => ['changed', 'is_set', 'not_set', 'within', 'outside'].includes(op);

function defaultValue(field: ConditionField, operator: ConditionOperator): Condition['value'] {
  if (noValue(operator)) return null;
  if (isTime(field)) return 24;
  const first = enumOptions(field)?.[0]?.value;
  if (operator === 'one_of') return first ? [first] : [];
  return (
    first ??
    (['team', 'assignee', 'category', 'organization', 'requester', 'mailbox'].includes(field) ? null : '')
  );
}

function enumOptions(field: ConditionField): Option[] | null {
  if (field === 'status') return statusOptions;
  if (field === 'priority') return priorityOptions;
  if (field === 'type') return typeOptions;
  if (field === 'channel') return channelOptions;
  if (field === 'sla') return slaStates.map((s) => ({ value: s, label: s === 'none' ? 'no target' : s }));
  return null;
}

export function newCondition(field: ConditionField): Condition {
  const operator = operatorsOf(field)[0]!;
  return {
    field,
    operator,
    value: defaultValue(field, operator),
    ...(isTime(field) ? { businessHours: false } : {}),
  };
}

function ConditionValue({
  condition,
  options,
  label,
  onChange,
}: {
  condition: Condition;
  options: RuleOptions;
  label: string;
  onChange: (value: Condition['value']) => void;
}) {
  const { field, operator, value } = condition;
  if (noValue(operator)) return null;
  const listed =
    enumOptions(field) ?? (field === 'team' ? options.teams : field === 'assignee' ? options.staff : null);
  if (listed && operator === 'one_of')
    return (
      <MultiSelect
        aria-label={label}
        data={listed}
        value={(Array.isArray(value) ? value : []).map(String)}
        onChange={(v) => onChange(field === 'team' || field === 'assignee' ? v.map(Number) : v)}
        miw={180}
        style={{ flex: 1 }}
      />
    );
  if (listed) {
    const refs = field === 'team' || field === 'assignee';
    return (
      <Select
        aria-label={label}
        data={refs ? [{ value: '', label: 'None' }, ...listed] : listed}
        value={value === null ? '' : String(value)}
        onChange={(v) => onChange(refs ? (v ? Number(v) : null) : (v ?? ''))}
        allowDeselect={false}
        searchable={refs}
        miw={160}
        style={{ flex: 1 }}
      />
    );
  }
  if (isTime(field) || ['category', 'organization', 'requester', 'mailbox'].includes(field))
    return (
      <NumberInput
        aria-label={label}
        value={typeof value === 'number' ? value : ''}
        min={isTime(field) ? 0 : 1}
        onChange={(v) => onChange(typeof v === 'number' ? v : isTime(field) ? 0 : null)}
        w={120}
        suffix={isTime(field) ? ' h' : undefined}
      />
    );
  return (
    <TextInput
      aria-label={label}
      value={typeof value === 'string' ? value : ''}
      placeholder={operator === 'matches' ? 'e.g. refund|chargeback' : undefined}
      onChange={(e) => onChange(e.currentTarget.value)}
      miw={160}
      style={{ flex: 1 }}
    />
  );
}

function ConditionRow({
  condition,
  fields,
  options,
  index,
  onChange,
  onRemove,
}: {
  condition: Condition;
  fields: ConditionField[];
  options: RuleOptions;
  index: number;
  onChange: (c: Condition) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Select
        aria-label={`Condition ${n}: field`}
        data={fields.map((f) => ({ value: f, label: fieldLabels[f] }))}
        value={condition.field}
        onChange={(v) => v && onChange(newCondition(v as ConditionField))}
        allowDeselect={false}
        w={200}
      />
      {condition.field === 'custom_field' && (
        <TextInput
          aria-label={`Condition ${n}: custom field key`}
          placeholder="field key"
          value={condition.key ?? ''}
          onChange={(e) => onChange({ ...condition, key: e.currentTarget.value })}
          w={130}
        />
      )}
      <Select
        aria-label={`Condition ${n}: operator`}
        data={operatorsOf(condition.field).map((o) => ({ value: o, label: operatorLabels[o] }))}
        value={condition.operator}
        onChange={(v) =>
          v &&
          onChange({
            ...condition,
            operator: v as ConditionOperator,
            value: defaultValue(condition.field, v as ConditionOperator),
          })
        }
        allowDeselect={false}
        w={170}
      />
      <ConditionValue
        condition={condition}
        options={options}
        label={`Condition ${n}: value`}
        onChange={(value) => onChange({ ...condition, value })}
      />
      {isTime(condition.field) && (
        <Switch
          label="business hours"
          checked={condition.businessHours ?? false}
          onChange={(e) => onChange({ ...condition, businessHours: e.currentTarget.checked })}
        />
      )}
      <ActionIcon variant="subtle" color="gray" aria-label={`Remove condition ${n}`} onClick={onRemove}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** The conditions: every one of "all", and one of "any" when it has some. */
export function ConditionsEditor({
  value,
  fields,
  options,
  onChange,
}: {
  value: Conditions;
  fields: ConditionField[];
  options: RuleOptions;
  onChange: (c: Conditions) => void;
}) {
  const group = (key: 'all' | 'any', title: string, hint: string) => (
    <Paper withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
      <Text component="legend" fw={600} fz="sm" px={4}>
        {title}
      </Text>
      <Stack gap="xs">
        {value[key].length === 0 && (
          <Text fz="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {value[key].map((c, i) => (
          <ConditionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their place is their identity
            key={i}
            index={key === 'all' ? i : value.all.length + i}
            condition={c}
            fields={fields}
            options={options}
            onChange={(next) => onChange({ ...value, [key]: value[key].map((x, j) => (j === i ? next : x)) })}
            onRemove={() => onChange({ ...value, [key]: value[key].filter((_, j) => j !== i) })}
          />
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange({ ...value, [key]: [...value[key], newCondition(fields[0]!)] })}
          >
            Add condition
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
  return (
    <Stack gap="sm">
      {group('all', 'All of these', 'No condition: every ticket.')}
      {group('any', 'And any one of these', 'Optional: at least one of these must hold too.')}
    </Stack>
  );
}

type ActionKind =
  | 'set:status'
  | 'set:priority'
  | 'set:type'
  | 'set:team'
  | 'set:assignee'
  | 'set_custom_field'
  | 'route'
  | 'add_tags'
  | 'remove_tags'
  | 'notify'
  | 'email_customer'
  | 'escalate'
  | 'note';

const actionKinds: { value: ActionKind; label: string }[] = [
  { value: 'set:status', label: 'Set status' },
  { value: 'set:priority', label: 'Set priority' },
  { value: 'set:type', label: 'Set type' },
  { value: 'set:team', label: 'Move to team' },
  { value: 'set:assignee', label: 'Assign to agent' },
  { value: 'route', label: "Route by the team's method" },
  { value: 'set_custom_field', label: 'Set custom field' },
  { value: 'add_tags', label: 'Add tags' },
  { value: 'remove_tags', label: 'Remove tags' },
  { value: 'notify', label: 'Notify' },
  { value: 'email_customer', label: 'Email the customer' },
  { value: 'escalate', label: 'Escalate' },
  { value: 'note', label: 'Add internal note' },
];

const kindOf = (a: Action): ActionKind => (a.type === 'set' ? `set:${a.field}` : a.type) as ActionKind;

export function newAction(kind: ActionKind, options: RuleOptions): Action {
  const team = options.teams[0] ? Number(options.teams[0].value) : 0;
  switch (kind) {
    case 'set:status':
      return { type: 'set', field: 'status', value: 'open' };
    case 'set:priority':
      return { type: 'set', field: 'priority', value: 'high' };
    case 'set:type':
      return { type: 'set', field: 'type', value: 'complaint' };
    case 'set:team':
      return { type: 'set', field: 'team', value: team || null };
    case 'set:assignee':
      return {
        type: 'set',
        field: 'assignee',
        value: options.staff[0] ? Number(options.staff[0].value) : null,
      };
    case 'set_custom_field':
      return { type: 'set_custom_field', key: '', value: '' };
    case 'route':
      return { type: 'route', teamId: team };
    case 'add_tags':
    case 'remove_tags':
      return { type: kind, tags: [] };
    case 'notify':
      return { type: 'notify', target: 'assignee', message: '' };
    case 'email_customer':
      return { type: 'email_customer', body: 'Hello {{customer.name}},\n\n' };
    case 'escalate':
      return { type: 'escalate', reason: '' };
    case 'note':
      return { type: 'note', body: '' };
  }
}

function ActionFields({
  action,
  options,
  n,
  onChange,
}: {
  action: Action;
  options: RuleOptions;
  n: number;
  onChange: (a: Action) => void;
}) {
  const label = (what: string) => `Action ${n}: ${what}`;
  switch (action.type) {
    case 'set': {
      const data =
        action.field === 'status'
          ? statusOptions.filter((o) => o.value !== 'new')
          : action.field === 'priority'
            ? priorityOptions
            : action.field === 'type'
              ? typeOptions
              : action.field === 'team'
                ? [{ value: '', label: 'No team' }, ...options.teams]
                : [{ value: '', label: 'Nobody' }, ...options.staff];
      const refs = action.field === 'team' || action.field === 'assignee';
      return (
        <Select
          aria-label={label('value')}
          data={data}
          value={action.value === null ? '' : String(action.value)}
          onChange={(v) => onChange({ ...action, value: refs ? (v ? Number(v) : null) : (v ?? '') })}
          allowDeselect={false}
          searchable={refs}
          miw={180}
          style={{ flex: 1 }}
        />
      );
    }
    case 'route':
      return (
        <Select
          aria-label={label('team')}
          data={options.teams}
          value={action.teamId ? String(action.teamId) : null}
          onChange={(v) => onChange({ ...action, teamId: Number(v) })}
          searchable
          miw={180}
          style={{ flex: 1 }}
        />
      );
    case 'set_custom_field':
      return (
        <Group gap="xs" style={{ flex: 1 }} wrap="wrap">
          <TextInput
            aria-label={label('field key')}
            placeholder="field key"
            value={action.key}
            onChange={(e) => onChange({ ...action, key: e.currentTarget.value })}
            w={140}
          />
          <TextInput
            aria-label={label('value')}
            placeholder="value"
            value={action.value === null ? '' : String(action.value)}
            onChange={(e) => onChange({ ...action, value: e.currentTarget.value })}
            style={{ flex: 1 }}
            miw={120}
          />
        </Group>
      );
    case 'add_tags':
    case 'remove_tags':
      return (
        <TagsInput
          aria-label={label('tags')}
          placeholder="Type a tag, then Enter"
          value={action.tags}
          onChange={(tags) => onChange({ ...action, tags: tags.map((t) => t.toLowerCase()) })}
          miw={180}
          style={{ flex: 1 }}
        />
      );
    case 'notify':
      return (
        <Stack gap="xs" style={{ flex: 1 }} miw={200}>
          <Group gap="xs" wrap="wrap">
            <Select
              aria-label={label('who')}
              data={[
                { value: 'assignee', label: 'The assignee' },
                { value: 'team_lead', label: "The team's lead" },
                { value: 'user', label: 'An agent' },
                { value: 'team', label: 'A team' },
                { value: 'email', label: 'An email address' },
              ]}
              value={action.target}
              onChange={(v) => onChange({ ...action, target: (v ?? 'assignee') as typeof action.target })}
              allowDeselect={false}
              w={170}
            />
            {action.target === 'user' && (
              <Select
                aria-label={label('agent')}
                data={options.staff}
                value={action.userId ? String(action.userId) : null}
                onChange={(v) => onChange({ ...action, userId: v ? Number(v) : undefined })}
                searchable
                style={{ flex: 1 }}
              />
            )}
            {action.target === 'team' && (
              <Select
                aria-label={label('team to notify')}
                data={options.teams}
                value={action.teamId ? String(action.teamId) : null}
                onChange={(v) => onChange({ ...action, teamId: v ? Number(v) : undefined })}
                style={{ flex: 1 }}
              />
            )}
            {action.target === 'email' && (
              <TextInput
                aria-label={label('address')}
                placeholder="oncall@example.com"
                value={action.email ?? ''}
                onChange={(e) => onChange({ ...action, email: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
            )}
          </Group>
          <TextInput
            aria-label={label('message')}
            placeholder="Message (optional)"
            value={action.message}
            onChange={(e) => onChange({ ...action, message: e.currentTarget.value })}
          />
        </Stack>
      );
    case 'escalate':
      return (
        <TextInput
          aria-label={label('reason')}
          placeholder="Reason"
          value={action.reason}
          onChange={(e) => onChange({ ...action, reason: e.currentTarget.value })}
          miw={180}
          style={{ flex: 1 }}
        />
      );
    case 'email_customer':
    case 'note':
      return (
        <Textarea
          aria-label={label(action.type === 'note' ? 'note' : 'message')}
          description="{{customer.name}}, {{ticket.id}}, {{ticket.subject}} and {{ticket.status}} are filled in"
          autosize
          minRows={2}
          value={action.body}
          onChange={(e) => onChange({ ...action, body: e.currentTarget.value })}
          miw={200}
          style={{ flex: 1 }}
        />
      );
  }
}

/** The actions, in the order they apply. */
export function ActionsEditor({
  value,
  options,
  onChange,
}: {
  value: Action[];
  options: RuleOptions;
  onChange: (a: Action[]) => void;
}) {
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
      <Text component="legend" fw={600} fz="sm" px={4}>
        Then
      </Text>
      <Stack gap="xs">
        {value.map((action, i) => (
          <Group
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their place is their identity
            key={i}
            gap="xs"
            wrap="wrap"
            align="flex-start"
          >
            <Select
              aria-label={`Action ${i + 1}: what`}
              data={actionKinds}
              value={kindOf(action)}
              onChange={(v) =>
                v && onChange(value.map((a, j) => (j === i ? newAction(v as ActionKind, options) : a)))
              }
              allowDeselect={false}
              w={210}
            />
            <ActionFields
              action={action}
              options={options}
              n={i + 1}
              onChange={(next) => onChange(value.map((a, j) => (j === i ? next : a)))}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove action ${i + 1}`}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              mt={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...value, newAction('set:priority', options)])}
          >
            Add action
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
