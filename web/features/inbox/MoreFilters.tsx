import {
  Checkbox,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { type CustomField, dateRanges, type ViewFilters } from '../../../contracts/tickets';
import {
  channelLabels,
  channelOptions,
  type TicketChannel,
  type TicketType,
  typeLabels,
  typeOptions,
} from '../../app/ticketLabels';
import { useOrganization } from '../customers/customers.queries';
import { OrganizationSelect } from '../customers/OrganizationSelect';
import { useCategories, useCustomFields } from '../ticket-fields/ticket-fields.queries';
import { DateRangeFilter, describeRange } from './DateRangeFilter';

type SetFilters = (patch: ViewFilters) => void;
type FieldValue = string | number | boolean | null;

/** A filter offered under "More filters": its chip's name and words, how it clears, and its editor. */
export interface FilterDef {
  key: string;
  name: string;
  summary: string[] | undefined;
  clear: ViewFilters;
  editor: (filters: ViewFilters, set: SetFilters) => ReactNode;
}

const rangeNames = {
  created_at: 'Created',
  updated_at: 'Updated',
  due_at: 'Due',
  solved_at: 'Solved',
  sla_due_at: 'Service level due',
} as const;
const popover = { withinPortal: false } as const;

function YesNo({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean | undefined;
  onChange: (v: boolean) => void;
}) {
  return (
    <SegmentedControl
      aria-label={label}
      data={[
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ]}
      value={value === undefined ? '' : value ? 'yes' : 'no'}
      onChange={(next) => onChange(next === 'yes')}
    />
  );
}

function Choices<V extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: { value: V; label: string }[];
  value: V[] | undefined;
  onChange: (values: V[]) => void;
}) {
  const allowed = new Set<string>(options.map((o) => o.value));
  return (
    <Checkbox.Group
      label={label}
      value={value ?? []}
      onChange={(values) => onChange(values.filter((v): v is V => allowed.has(v)))}
    >
      <Stack gap="xs" mt={6}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function OrganizationFilter({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (id?: number) => void;
}) {
  return (
    <OrganizationSelect
      label="Organisation"
      clearable
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      comboboxProps={popover}
      w={260}
    />
  );
}

/** A custom field's value to match: typed as the field is. */
function CustomFieldFilter({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue | undefined) => void;
}) {
  const common = { label: field.label, w: 260 };
  switch (field.type) {
    case 'checkbox':
      return (
        <Stack gap={4}>
          <YesNo
            label={field.label}
            value={typeof value === 'boolean' ? value : undefined}
            onChange={onChange}
          />
        </Stack>
      );
    case 'dropdown':
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next ?? undefined)}
          clearable
          comboboxProps={popover}
        />
      );
    case 'date':
      return (
        <DateInput
          {...common}
          value={typeof value === 'string' && value ? value : null}
          onChange={(next) => onChange(next ?? undefined)}
          valueFormat="D MMM YYYY"
          clearable
          popoverProps={popover}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          description="Exactly this number"
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          description="Exactly this text"
          defaultValue={typeof value === 'string' ? value : ''}
          onBlur={(event) => onChange(event.currentTarget.value.trim() || undefined)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange(event.currentTarget.value.trim() || undefined);
          }}
        />
      );
  }
}

function valueInWords(value: FieldValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value === null ? 'not set' : String(value);
}

/** Every filter besides status, priority, assignee and team, as the "More filters" menu offers them. */
export function useMoreFilters(filters: ViewFilters): FilterDef[] {
  const categories = useCategories();
  const fields = useCustomFields();
  const organization = useOrganization(filters.organizationId ?? 0);
  const categoryOptions = (categories.data ?? [])
    .filter((c) => !c.archived || filters.categoryId?.includes(c.id))
    .map((c) => ({ value: String(c.id), label: c.path }));
  const nameOf = (id: number) => categoryOptions.find((o) => o.value === String(id))?.label ?? `#${id}`;
  const custom = filters.customFields ?? {};
  const setCustom = (set: SetFilters, key: string, value: FieldValue | undefined) => {
    const next: Record<string, FieldValue> = { ...custom };
    if (value === undefined) delete next[key];
    else next[key] = value;
    set({ customFields: next });
  };

  const defs: FilterDef[] = [
    {
      key: 'tags',
      name: 'Tags',
      summary: filters.tags,
      clear: { tags: undefined },
      editor: (f, set) => (
        <TagsInput
          label="Has all of these tags"
          description="Press Enter after each tag"
          value={f.tags ?? []}
          onChange={(values) => set({ tags: values.map((t) => t.trim().toLowerCase()).filter(Boolean) })}
          comboboxProps={popover}
          w={260}
        />
      ),
    },
    {
      key: 'categoryId',
      name: 'Category',
      summary: filters.categoryId?.map(nameOf),
      clear: { categoryId: undefined },
      editor: (f, set) => (
        <MultiSelect
          label="Any of these categories"
          data={categoryOptions}
          value={(f.categoryId ?? []).map(String)}
          onChange={(values) => set({ categoryId: values.map(Number) })}
          searchable
          nothingFoundMessage="No category by that name"
          comboboxProps={popover}
          w={260}
        />
      ),
    },
    {
      key: 'type',
      name: 'Type',
      summary: filters.type?.map((t) => typeLabels[t]),
      clear: { type: undefined },
      editor: (f, set) => (
        <Choices<TicketType>
          label="Type"
          options={typeOptions}
          value={f.type}
          onChange={(type) => set({ type })}
        />
      ),
    },
    {
      key: 'channel',
      name: 'Channel',
      summary: filters.channel?.map((c) => channelLabels[c]),
      clear: { channel: undefined },
      editor: (f, set) => (
        <Choices<TicketChannel>
          label="Came in by"
          options={channelOptions}
          value={f.channel}
          onChange={(channel) => set({ channel })}
        />
      ),
    },
    {
      key: 'organizationId',
      name: 'Organisation',
      summary: filters.organizationId ? [organization.data?.name ?? `#${filters.organizationId}`] : undefined,
      clear: { organizationId: undefined },
      editor: (f, set) => (
        <OrganizationFilter value={f.organizationId} onChange={(organizationId) => set({ organizationId })} />
      ),
    },
    ...dateRanges.map(
      (range): FilterDef => ({
        key: range.column,
        name: rangeNames[range.column],
        summary: [describeRange(range, filters)].filter((s): s is string => s !== undefined),
        clear: { [range.after]: undefined, [range.before]: undefined },
        editor: (f, set) => (
          <DateRangeFilter range={range} label={rangeNames[range.column]} filters={f} onChange={set} />
        ),
      }),
    ),
    {
      key: 'escalated',
      name: 'Escalated',
      summary: filters.escalated === undefined ? undefined : [filters.escalated ? 'yes' : 'no'],
      clear: { escalated: undefined },
      editor: (f, set) => (
        <YesNo label="Escalated" value={f.escalated} onChange={(escalated) => set({ escalated })} />
      ),
    },
    {
      key: 'hasAttachments',
      name: 'Files',
      summary: filters.hasAttachments === undefined ? undefined : [filters.hasAttachments ? 'yes' : 'none'],
      clear: { hasAttachments: undefined },
      editor: (f, set) => (
        <YesNo
          label="Has files"
          value={f.hasAttachments}
          onChange={(hasAttachments) => set({ hasAttachments })}
        />
      ),
    },
  ];
  for (const field of (fields.data ?? []).filter((x) => !x.archived || x.key in custom)) {
    const value = custom[field.key];
    defs.push({
      key: `custom:${field.key}`,
      name: field.label,
      summary: value === undefined ? undefined : [valueInWords(value)],
      clear: { customFields: Object.fromEntries(Object.entries(custom).filter(([k]) => k !== field.key)) },
      editor: (f, set) => (
        <CustomFieldFilter
          field={field}
          value={f.customFields?.[field.key]}
          onChange={(next) => setCustom(set, field.key, next)}
        />
      ),
    });
  }
  return defs;
}
