import { Radio, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type DateRange, isRelativeTime, type TimeBound, type ViewFilters } from '../../../contracts/tickets';

interface Preset {
  id: string;
  label: string;
  after?: TimeBound;
  before?: TimeBound;
}

/** Ranges of the past (created, updated, solved), as times from now so a saved view keeps moving. */
const pastPresets: Preset[] = [
  { id: '24h', label: 'Last 24 hours', after: '-24h' },
  { id: '7d', label: 'Last 7 days', after: '-7d' },
  { id: '30d', label: 'Last 30 days', after: '-30d' },
  { id: 'older', label: 'More than 30 days ago', before: '-30d' },
];

const duePresets: Preset[] = [
  { id: 'overdue', label: 'Overdue', before: 'now' },
  { id: 'day', label: 'Due in the next 24 hours', after: 'now', before: '+24h' },
  { id: 'week', label: 'Due in the next 7 days', after: 'now', before: '+7d' },
  { id: 'later', label: 'Due later than that', after: '+7d' },
];

const presetsOf = (range: DateRange) => (range.column === 'due_at' ? duePresets : pastPresets);

const units = { h: 'hour', d: 'day', w: 'week' } as const;

/** "-7d" as "7 days ago", "+24h" as "in 24 hours"; a moment as its date. */
function boundInWords(bound: TimeBound): string {
  if (!isRelativeTime(bound)) return dayjs(bound).format('D MMM YYYY');
  if (bound === 'now') return 'now';
  const amount = Number(bound.slice(1, -1));
  const unit = `${units[bound.at(-1) as keyof typeof units]}${amount === 1 ? '' : 's'}`;
  return bound.startsWith('-') ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

/** A range's filter in words, for its chip; nothing when it is not set. */
export function describeRange(range: DateRange, filters: ViewFilters): string | undefined {
  const after = filters[range.after];
  const before = filters[range.before];
  if (!after && !before) return undefined;
  const preset = presetsOf(range).find((p) => p.after === after && p.before === before);
  if (preset) return preset.label;
  // A range of days ends at the start of the day after its last one.
  const last = (bound: TimeBound) =>
    isRelativeTime(bound) ? boundInWords(bound) : boundInWords(dayjs(bound).subtract(1, 'ms').toISOString());
  if (after && before) return `${boundInWords(after)} – ${last(before)}`;
  return after ? `From ${boundInWords(after)}` : `Before ${boundInWords(before!)}`;
}

type DayRange = [string | null, string | null];

/** The days of a range set by dates, for the date picker. */
function daysOf(range: DateRange, filters: ViewFilters): DayRange {
  const after = filters[range.after];
  const before = filters[range.before];
  if (!after || !before || isRelativeTime(after) || isRelativeTime(before)) return [null, null];
  return [dayjs(after).format('YYYY-MM-DD'), dayjs(before).subtract(1, 'day').format('YYYY-MM-DD')];
}

interface DateRangeFilterProps {
  range: DateRange;
  label: string;
  filters: ViewFilters;
  onChange: (patch: ViewFilters) => void;
}

/** A date range: a few ranges from now, or days picked on a calendar. */
export function DateRangeFilter({ range, label, filters, onChange }: DateRangeFilterProps) {
  const presets = presetsOf(range);
  const after = filters[range.after];
  const before = filters[range.before];
  const preset = presets.find((p) => p.after === after && p.before === before);
  const [custom, setCustom] = useState(!preset && Boolean(after || before));
  const value = custom ? 'custom' : (preset?.id ?? 'any');
  const set = (next: { after?: TimeBound; before?: TimeBound }) =>
    onChange({ [range.after]: next.after, [range.before]: next.before });

  return (
    <Stack gap="xs" w={260}>
      <Radio.Group
        label={label}
        value={value}
        onChange={(id) => {
          setCustom(id === 'custom');
          if (id === 'custom') return;
          const chosen = presets.find((p) => p.id === id);
          set({ after: chosen?.after, before: chosen?.before });
        }}
      >
        <Stack gap={6} mt={6}>
          <Radio value="any" label="Any time" />
          {presets.map((p) => (
            <Radio key={p.id} value={p.id} label={p.label} />
          ))}
          <Radio value="custom" label="Between dates" />
        </Stack>
      </Radio.Group>
      {custom && (
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          label="Days"
          placeholder="Pick the first and last day"
          value={daysOf(range, filters)}
          onChange={([start, end]: DayRange) => {
            if (!start) return set({});
            set({
              after: dayjs(start).startOf('day').toISOString(),
              before: dayjs(end ?? start)
                .add(1, 'day')
                .startOf('day')
                .toISOString(),
            });
          }}
          valueFormat="D MMM YYYY"
          popoverProps={{ withinPortal: false }}
          clearable
        />
      )}
    </Stack>
  );
}
