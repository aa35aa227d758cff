import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { type Cadence, MAX_RECIPIENTS, type ReportSchedule } from '../../../contracts/report-delivery';
import { type ReportKind, reportKinds, reportTitles } from '../../../contracts/reports';
import { errorMessage } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { useStaffOptions } from '../users/users.queries';
import { type CreateScheduleBody, useSaveSchedule } from './delivery.queries';

export const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const cadenceOptions = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
];
const hours = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00`,
}));

/** When a schedule sends, in words. */
export function cadenceText(s: Pick<ReportSchedule, 'cadence' | 'weekday' | 'monthDay' | 'hour'>): string {
  const at = `${String(s.hour).padStart(2, '0')}:00`;
  if (s.cadence === 'daily') return `Daily at ${at}`;
  if (s.cadence === 'weekly') return `${weekdays[s.weekday ?? 1]}s at ${at}`;
  return `Monthly on day ${s.monthDay} at ${at}`;
}

/** Create or edit a scheduled report; new ones take the filters the Reports page shows. */
export function ScheduleDialog({
  opened,
  onClose,
  schedule,
  kind = 'volume',
  filters = {},
}: {
  opened: boolean;
  onClose: () => void;
  schedule: ReportSchedule | null;
  kind?: ReportKind;
  filters?: CreateScheduleBody['filters'];
}) {
  const save = useSaveSchedule();
  const staff = useStaffOptions(opened);
  const [name, setName] = useState(schedule?.name ?? `${reportTitles[kind]} report`);
  const [report, setReport] = useState<ReportKind>(schedule?.report ?? kind);
  const [cadence, setCadence] = useState<Cadence>(schedule?.cadence ?? 'weekly');
  const [weekday, setWeekday] = useState(String(schedule?.weekday ?? 1));
  const [monthDay, setMonthDay] = useState(String(schedule?.monthDay ?? 1));
  const [hour, setHour] = useState(String(schedule?.hour ?? 8));
  const [userIds, setUserIds] = useState<string[]>(schedule?.recipients.users.map((u) => String(u.id)) ?? []);
  const [emails, setEmails] = useState<string[]>(schedule?.recipients.emails ?? []);
  const submit = () => {
    const body: CreateScheduleBody = {
      name: name.trim(),
      report,
      filters: schedule ? (schedule.filters as CreateScheduleBody['filters']) : filters,
      cadence,
      weekday: cadence === 'weekly' ? Number(weekday) : null,
      monthDay: cadence === 'monthly' ? Number(monthDay) : null,
      hour: Number(hour),
      userIds: userIds.map(Number),
      emails,
      active: schedule?.active ?? true,
    };
    save.mutate(
      { id: schedule?.id ?? null, body },
      {
        onSuccess: () => {
          notifySuccess(schedule ? 'Schedule saved' : 'Report scheduled');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={schedule ? 'Edit the scheduled report' : 'Schedule this report'}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label="Report"
              data={reportKinds.map((k) => ({ value: k, label: reportTitles[k] }))}
              value={report}
              onChange={(v) => v && setReport(v as ReportKind)}
              allowDeselect={false}
            />
            <Select
              label="How often"
              data={cadenceOptions}
              value={cadence}
              onChange={(v) => v && setCadence(v as Cadence)}
              allowDeselect={false}
            />
            {cadence === 'weekly' ? (
              <Select
                label="Weekday"
                data={weekdays.map((d, i) => ({ value: String(i), label: d }))}
                value={weekday}
                onChange={(v) => v && setWeekday(v)}
                allowDeselect={false}
              />
            ) : null}
            {cadence === 'monthly' ? (
              <Select
                label="Day of the month"
                description="A shorter month sends on its last day"
                data={Array.from({ length: 31 }, (_, i) => String(i + 1))}
                value={monthDay}
                onChange={(v) => v && setMonthDay(v)}
                allowDeselect={false}
              />
            ) : null}
            <Select
              label="Hour"
              description="In the department’s time zone"
              data={hours}
              value={hour}
              onChange={(v) => v && setHour(v)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <MultiSelect
            label="Staff recipients"
            data={(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
            value={userIds}
            onChange={setUserIds}
            searchable
          />
          <TagsInput
            label="Other addresses"
            description={`Press Enter after each address; at most ${MAX_RECIPIENTS} recipients in all`}
            value={emails}
            onChange={setEmails}
            maxTags={MAX_RECIPIENTS}
          />
          <Text size="xs" c="dimmed">
            Each send covers the day, the seven days or the calendar month before it, with the headline
            figures in the mail and the full report as CSV.
          </Text>
          {save.isError ? (
            <Text c="red" size="sm" role="alert">
              {errorMessage(save.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {schedule ? 'Save' : 'Schedule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
