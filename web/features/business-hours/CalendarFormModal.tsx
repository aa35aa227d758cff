import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { type BusinessCalendar, weekdays } from '../../../contracts/business-hours';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useCreateCalendar, useUpdateCalendar } from './business-hours.queries';

interface Hours {
  day: number;
  start: string;
  end: string;
}
interface HolidayRow {
  /** A key for the row while the form is open; it is not sent. */
  rowKey: number;
  date: string;
  name: string;
  yearly: boolean;
}

let nextRowKey = 0;
const holidayRow = (h: Omit<HolidayRow, 'rowKey'>): HolidayRow => ({ ...h, rowKey: nextRowKey++ });
interface FormValues {
  name: string;
  timezone: string;
  hours: Hours[];
  holidays: HolidayRow[];
}

const zones = (() => {
  let known: string[] = [];
  try {
    known = Intl.supportedValuesOf('timeZone');
  } catch {
    // An older browser: UTC and the browser's own zone below.
  }
  return known.includes('UTC') ? known : ['UTC', ...known];
})();
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const localZone = browserZone && zones.includes(browserZone) ? browserZone : 'UTC';
/** Monday first, as most service desks plan their week. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0];
const officeHours: Hours[] = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

function initialValues(calendar: BusinessCalendar | null): FormValues {
  return {
    name: calendar?.name ?? '',
    timezone: calendar?.timezone ?? localZone,
    hours: calendar?.hours ?? officeHours,
    holidays: (calendar?.holidays ?? []).map(holidayRow),
  };
}

export function CalendarFormModal({
  calendar,
  opened,
  onClose,
}: {
  calendar: BusinessCalendar | null;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={calendar ? `Edit ${calendar.name}` : 'New business-hours calendar'}
      size="xl"
    >
      <CalendarForm key={calendar?.id ?? 'new'} calendar={calendar} onDone={onClose} />
    </Modal>
  );
}

function CalendarForm({ calendar, onDone }: { calendar: BusinessCalendar | null; onDone: () => void }) {
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    initialValues: initialValues(calendar),
    validate: {
      name: (v) => (v.trim() ? null : 'Give the calendar a name'),
      timezone: (v) => (zones.includes(v) ? null : 'Pick a time zone'),
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const body = {
      name: v.name.trim(),
      timezone: v.timezone,
      hours: v.hours,
      holidays: v.holidays.map(({ rowKey: _key, ...h }) => ({ ...h, name: h.name.trim() || 'Holiday' })),
    };
    const handlers = {
      onSuccess: (saved: BusinessCalendar) => {
        notifySuccess(`${saved.name} is saved.`, calendar ? 'Calendar saved' : 'Calendar created');
        onDone();
      },
      onError: (error: unknown) =>
        setFormError(applyServerErrors(form, error, { CALENDAR_NAME_TAKEN: 'name' })),
    };
    if (calendar) update.mutate({ id: calendar.id, body }, handlers);
    else create.mutate(body, handlers);
  });

  const setHours = (hours: Hours[]) => form.setFieldValue('hours', hours);
  const holidays = values.holidays;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Select
            label="Time zone"
            required
            searchable
            data={zones}
            limit={50}
            nothingFoundMessage="No zone by that name"
            {...form.getInputProps('timezone')}
          />
        </Group>

        <Stack gap={6}>
          <Title order={3} fz="sm">
            Opening hours
          </Title>
          <Text fz="xs" c="dimmed">
            An end at or before the start runs past midnight, e.g. 22:00 to 02:00.
          </Text>
          {weekOrder.map((day) => {
            const rows = values.hours.map((h, index) => ({ ...h, index })).filter((h) => h.day === day);
            return (
              <Group key={day} align="center" gap="xs" wrap="wrap">
                <Text fz="sm" w={96}>
                  {weekdays[day]}
                </Text>
                {rows.length === 0 && (
                  <Text fz="sm" c="dimmed" w={120}>
                    Closed
                  </Text>
                )}
                {rows.map((h) => (
                  <Group key={h.index} gap={4} wrap="nowrap">
                    <TextInput
                      type="time"
                      aria-label={`${weekdays[day]} opens at`}
                      w={132}
                      {...form.getInputProps(`hours.${h.index}.start`)}
                    />
                    <Text fz="sm">to</Text>
                    <TextInput
                      type="time"
                      aria-label={`${weekdays[day]} closes at`}
                      w={132}
                      {...form.getInputProps(`hours.${h.index}.end`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${weekdays[day]} ${h.start} to ${h.end}`}
                      onClick={() => setHours(values.hours.filter((_, i) => i !== h.index))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} />}
                  onClick={() =>
                    setHours([...values.hours, { day, start: rows.length ? '13:00' : '09:00', end: '17:00' }])
                  }
                >
                  {rows.length ? 'Add hours' : 'Open'}
                </Button>
              </Group>
            );
          })}
        </Stack>

        <Stack gap={6}>
          <Title order={3} fz="sm">
            Holidays
          </Title>
          {holidays.length === 0 && (
            <Text fz="sm" c="dimmed">
              No holidays yet. Add them here, or import a calendar file from the list.
            </Text>
          )}
          {holidays.map((h, index) => (
            <Group key={h.rowKey} gap="xs" wrap="wrap" align="center">
              <TextInput
                type="date"
                aria-label="Holiday date"
                w={160}
                {...form.getInputProps(`holidays.${index}.date`)}
              />
              <TextInput
                aria-label="Holiday name"
                placeholder="Name"
                style={{ flex: 1, minWidth: 140 }}
                {...form.getInputProps(`holidays.${index}.name`)}
              />
              <Checkbox
                label="Every year"
                {...form.getInputProps(`holidays.${index}.yearly`, { type: 'checkbox' })}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove holiday ${h.name || h.date}`}
                onClick={() =>
                  form.setFieldValue(
                    'holidays',
                    holidays.filter((_, i) => i !== index),
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                form.setFieldValue('holidays', [
                  ...holidays,
                  holidayRow({ date: new Date().toISOString().slice(0, 10), name: '', yearly: false }),
                ])
              }
            >
              Add a holiday
            </Button>
          </Group>
        </Stack>

        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {calendar ? 'Save calendar' : 'Create calendar'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
