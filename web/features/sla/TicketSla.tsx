import { Anchor, Collapse, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import type { SlaClock, SlaOutcome, TicketSla } from '../../../contracts/sla';
import { slaMetricLabels } from '../../../contracts/sla-summary';
import type { Ticket } from '../../../contracts/tickets';
import { RelativeTime } from '../../components/RelativeTime';
import { SlaChip } from './SlaChip';
import { useTicketSla } from './sla.queries';
import { durationText, targetText } from './slaPolicyForm';

const live = (clock: SlaClock) => clock.state !== 'done';

/** The ticket's running and paused clocks as chips; the next one from the ticket itself until they load. */
export function TicketSlaChips({ ticket }: { ticket: Ticket }) {
  const sla = useTicketSla(ticket.id);
  if (!sla.data) return ticket.sla ? <SlaChip clock={ticket.sla} /> : null;
  const clocks = sla.data.clocks.filter(live);
  if (clocks.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label="Service-level clocks">
      {clocks.map((clock) => (
        <SlaChip key={clock.metric} clock={clock} businessHours={clock.businessHours} />
      ))}
    </Group>
  );
}

const outcomeWords: Record<SlaOutcome, string> = {
  achieved: 'met',
  breached: 'missed',
  breached_then_achieved: 'met late',
  cancelled: 'no longer counted',
};

function ClockLine({ clock }: { clock: SlaClock }) {
  const target = targetText({ minutes: clock.targetMinutes, businessHours: clock.businessHours });
  const counted = durationText(Math.round(clock.countedMinutes), clock);
  const note =
    clock.state === 'running'
      ? `Target ${target}`
      : clock.state === 'paused'
        ? `${counted} of ${target} used`
        : `Took ${counted}; target ${target}`;
  return (
    <Stack gap={2}>
      {live(clock) ? (
        <SlaChip clock={clock} businessHours={clock.businessHours} size="xs" />
      ) : (
        <Text fz="sm">
          {slaMetricLabels[clock.metric]} · {clock.outcome ? outcomeWords[clock.outcome] : 'stopped'}
        </Text>
      )}
      <Text fz="xs" c="dimmed">
        {note}
      </Text>
    </Stack>
  );
}

/** Where the policy and calendar come from, and what moved the clocks, in words. */
function Why({ sla }: { sla: TicketSla }) {
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  return (
    <Stack gap={4}>
      <Anchor
        component="button"
        type="button"
        fz="sm"
        style={{ alignSelf: 'flex-start' }}
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={id}
      >
        {opened ? 'Hide why' : 'Why?'}
      </Anchor>
      <Collapse expanded={opened} id={id}>
        <Stack gap={6}>
          <Text fz="sm">
            {sla.policy ? `Policy “${sla.policy.name}” applies` : 'No policy applies now'}
            {sla.calendar
              ? `; business hours from “${sla.calendar.name}” (${sla.calendar.timezone}).`
              : '; no business-hours calendar, so every hour counts.'}
          </Text>
          {sla.events.length === 0 ? (
            <Text fz="sm" c="dimmed">
              No clock has moved yet.
            </Text>
          ) : (
            <List size="sm" spacing={4} aria-label="What moved the clocks">
              {sla.events.map((event) => (
                <List.Item key={event.id}>
                  {event.detail} · <RelativeTime value={event.at} fz="xs" c="dimmed" />
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}

/** The ticket's service level in its properties: every clock, the policy and why each clock says what it says. */
export function TicketSlaSection({ ticketId }: { ticketId: number }) {
  const sla = useTicketSla(ticketId);
  return (
    <Stack gap="xs" component="section" aria-label="Service level">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed">
        Service level
      </Title>
      {sla.isPending ? (
        <Text fz="sm" c="dimmed">
          Loading the clocks…
        </Text>
      ) : sla.isError ? (
        <Text fz="sm" c="var(--steward-danger-text)" role="alert">
          The clocks could not be loaded.{' '}
          <Anchor component="button" type="button" fz="sm" onClick={() => void sla.refetch()}>
            Try again
          </Anchor>
        </Text>
      ) : (
        <>
          {sla.data.clocks.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {sla.data.policy
                ? `Policy “${sla.data.policy.name}” sets no target at this priority.`
                : 'No SLA policy covers this ticket.'}
            </Text>
          ) : (
            sla.data.clocks.map((clock) => <ClockLine key={clock.metric} clock={clock} />)
          )}
          {(sla.data.policy || sla.data.events.length > 0) && <Why sla={sla.data} />}
        </>
      )}
    </Stack>
  );
}
