import { ActionIcon, Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { weekdays } from '../../../contracts/business-hours';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useCalendarPreview } from './business-hours.queries';

const DAY_MS = 86_400_000;
const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);
const hoursText = (minutes: number) =>
  `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

/** Seven days of a calendar as bars on a 24-hour line, in the calendar's zone, with holidays named. */
export function WeekPreview({ calendarId, timezone }: { calendarId: number; timezone: string }) {
  const [from, setFrom] = useState(today);
  const preview = useCalendarPreview(calendarId, from);
  return (
    <Stack gap="xs" aria-label="Week preview">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} fz="sm">
          The week from {from} ({timezone})
        </Text>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Previous week">
            <ActionIcon variant="subtle" aria-label="Previous week" onClick={() => setFrom(shift(from, -7))}>
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Next week">
            <ActionIcon variant="subtle" aria-label="Next week" onClick={() => setFrom(shift(from, 7))}>
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {preview.isPending ? (
        <LoadingState variant="block" label="Loading the week" />
      ) : preview.isError ? (
        <ErrorState
          error={preview.error}
          title="The week could not be shown"
          onRetry={() => void preview.refetch()}
        />
      ) : (
        <>
          {preview.data.days.map((day) => (
            <Group key={day.date} gap="sm" wrap="nowrap" align="center">
              <Text fz="xs" w={84} style={{ flexShrink: 0 }}>
                {weekdays[day.weekday]!.slice(0, 3)} {day.date.slice(5)}
              </Text>
              <Box
                pos="relative"
                h={18}
                style={{ flex: 1, borderRadius: 4, background: 'var(--mantine-color-default-border)' }}
                aria-label={
                  day.holiday
                    ? `${day.date}: closed for ${day.holiday}`
                    : day.open.length
                      ? `${day.date}: open ${day.open.map((o) => `${o.localStart} to ${o.localEnd}`).join(', ')}`
                      : `${day.date}: closed`
                }
                role="img"
              >
                {day.open.map((o) => {
                  const start = minutesOf(o.localStart);
                  const end = Math.min(1440, o.localEnd <= o.localStart ? 1440 : minutesOf(o.localEnd));
                  return (
                    <Box
                      key={o.start}
                      pos="absolute"
                      top={0}
                      bottom={0}
                      left={`${(start / 1440) * 100}%`}
                      w={`${((end - start) / 1440) * 100}%`}
                      style={{ borderRadius: 4, background: 'var(--mantine-color-teal-filled)' }}
                    />
                  );
                })}
              </Box>
              <Box w={130} style={{ flexShrink: 0 }}>
                {day.holiday ? (
                  <Badge color="orange" variant="light" size="sm" maw={130}>
                    {day.holiday}
                  </Badge>
                ) : (
                  <Text fz="xs" c="dimmed">
                    {day.open.length
                      ? day.open.map((o) => `${o.localStart}–${o.localEnd}`).join(', ')
                      : 'Closed'}
                  </Text>
                )}
              </Box>
            </Group>
          ))}
          <Text fz="xs" c="dimmed">
            Open {hoursText(preview.data.openMinutes)} this week.
          </Text>
        </>
      )}
    </Stack>
  );
}
