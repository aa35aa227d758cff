import { Badge, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type BusinessCalendar, weekdays } from '../../../contracts/business-hours';
import { can } from '../../app/access';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import {
  useCalendars,
  useDeleteCalendar,
  useImportHolidays,
  useUpdateCalendar,
} from './business-hours.queries';
import { CalendarFormModal } from './CalendarFormModal';
import { WeekPreview } from './WeekPreview';

const weekOrder = [1, 2, 3, 4, 5, 6, 0];
const hoursText = (minutes: number) =>
  `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

/** "Mon 09:00–17:00 · Sat 10:00–14:00": the week in one line. */
function weekSummary(calendar: BusinessCalendar): string {
  const days = weekOrder
    .map((day) => {
      const hours = calendar.hours.filter((h) => h.day === day);
      return hours.length
        ? `${weekdays[day]!.slice(0, 3)} ${hours.map((h) => `${h.start}–${h.end}`).join(', ')}`
        : null;
    })
    .filter(Boolean);
  return days.length ? days.join(' · ') : 'No opening hours: clocks on this calendar never run';
}

export function BusinessHoursPage() {
  usePageTitle('Business hours');
  const calendars = useCalendars();
  const me = useMe();
  const canManage = can(me.role, 'business-hours.manage');
  const [editing, setEditing] = useState<BusinessCalendar | null | undefined>(undefined);

  return (
    <>
      <PageHeader
        title="Business hours"
        description="When your desk is open. Service-level clocks count only open time on the calendar they use; the default calendar serves every team without one."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
              New calendar
            </Button>
          )
        }
      />
      {calendars.isPending ? (
        <LoadingState label="Loading calendars" />
      ) : calendars.isError ? (
        <ErrorState
          error={calendars.error}
          title="Calendars could not be loaded"
          onRetry={() => void calendars.refetch()}
        />
      ) : calendars.data.length === 0 ? (
        <EmptyState
          icon={<IconCalendarTime size={28} stroke={1.5} />}
          title="No business hours yet"
          description="Until a calendar exists, service-level clocks count every hour of the day. Create one with your opening hours and holidays."
          action={
            canManage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
                New calendar
              </Button>
            )
          }
        />
      ) : (
        <Stack gap="lg">
          {calendars.data.map((calendar) => (
            <CalendarCard
              key={calendar.id}
              calendar={calendar}
              canManage={canManage}
              onEdit={() => setEditing(calendar)}
            />
          ))}
        </Stack>
      )}
      <CalendarFormModal
        calendar={editing ?? null}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}

function CalendarCard({
  calendar,
  canManage,
  onEdit,
}: {
  calendar: BusinessCalendar;
  canManage: boolean;
  onEdit: () => void;
}) {
  const update = useUpdateCalendar();
  const remove = useDeleteCalendar();
  const importHolidays = useImportHolidays();
  const upcoming = calendar.holidays.slice(0, 6);

  const importFile = async (file: File | null) => {
    if (!file) return;
    importHolidays.mutate(
      { id: calendar.id, ics: await file.text(), replace: false },
      {
        onSuccess: (saved) =>
          notifySuccess(`${calendar.name} now has ${saved.holidays.length} holidays.`, 'Holidays imported'),
        onError: (error) => notifyError(error, 'Holidays not imported'),
      },
    );
  };

  return (
    <SectionCard
      title={calendar.name}
      description={`${calendar.timezone} · open ${hoursText(calendar.weeklyMinutes)} a week`}
      actions={
        canManage && (
          <Group gap="xs" wrap="wrap" justify="flex-end">
            {!calendar.isDefault && (
              <Button
                variant="default"
                size="xs"
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { id: calendar.id, body: { isDefault: true } },
                    { onError: (error) => notifyError(error, 'Not made the default') },
                  )
                }
              >
                Make default
              </Button>
            )}
            <FileButton onChange={(file) => void importFile(file)} accept=".ics,text/calendar">
              {(props) => (
                <Button variant="default" size="xs" loading={importHolidays.isPending} {...props}>
                  Import holidays (.ics)
                </Button>
              )}
            </FileButton>
            <Button variant="default" size="xs" onClick={onEdit}>
              Edit
            </Button>
            {!calendar.isDefault && (
              <ConfirmButton
                variant="subtle"
                color="red"
                size="xs"
                confirmTitle={`Delete ${calendar.name}?`}
                confirmMessage="Clocks that use this calendar fall back to the default one."
                confirmLabel="Delete calendar"
                danger
                onConfirm={() =>
                  remove.mutate(calendar.id, { onError: (error) => notifyError(error, 'Not deleted') })
                }
              >
                Delete
              </ConfirmButton>
            )}
          </Group>
        )
      }
    >
      <Stack gap="sm">
        <Group gap="xs">
          {calendar.isDefault && (
            <Badge color="teal" variant="light">
              Default
            </Badge>
          )}
          <Text fz="sm">{weekSummary(calendar)}</Text>
        </Group>
        <Text fz="sm" c="dimmed">
          {calendar.holidays.length === 0
            ? 'No holidays.'
            : `Holidays: ${upcoming.map((h) => `${h.name} (${h.yearly ? `every ${h.date.slice(5)}` : h.date})`).join(', ')}${
                calendar.holidays.length > upcoming.length
                  ? ` and ${calendar.holidays.length - upcoming.length} more`
                  : ''
              }`}
        </Text>
        <WeekPreview calendarId={calendar.id} timezone={calendar.timezone} />
      </Stack>
    </SectionCard>
  );
}
