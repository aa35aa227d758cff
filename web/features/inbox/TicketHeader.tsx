import { ActionIcon, Avatar, Badge, Button, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowMerge,
  IconClockPlus,
  IconDots,
  IconLayoutSidebarRightExpand,
  IconPhone,
  IconUserCheck,
  IconWalk,
  IconX,
} from '@tabler/icons-react';
import type { Ref } from 'react';
import { Link } from 'react-router';
import type { Ticket } from '../../../contracts/tickets';
import type { LiveViewer } from '../../app/live';
import { useMe } from '../../app/session';
import { channelLabels } from '../../app/ticketLabels';
import { RelativeTime } from '../../components/RelativeTime';
import { PriorityBadge, TicketStatusBadge } from '../../components/TicketBadges';
import { TicketClock } from '../../components/TicketClock';
import { UserAvatar } from '../../components/UserAvatar';
import { TicketContractFlag } from '../contracts/ContractNotices';
import { TicketSlaChips } from '../sla/TicketSla';
import { ticketPath } from './inbox.url';

interface TicketHeaderProps {
  ticket: Ticket;
  viewId: string;
  others: LiveViewer[];
  onAssignToMe: () => void;
  onEscalate: () => void;
  onMerge: () => void;
  onLogContact: (kind: 'call' | 'visit') => void;
  onLogTime: () => void;
  onClose: () => void;
  /** The ticket fills the screen (a phone): an arrow back to the list leads, and the actions are icons. */
  onePane: boolean;
  /** Opens the properties drawer; null when the properties are beside the conversation. */
  onShowProperties: (() => void) | null;
  /** The "More ticket actions" button, where the focus returns after the dialogs its menu opens. */
  actionsRef?: Ref<HTMLButtonElement>;
}

function presenceText(others: LiveViewer[]): string {
  const replying = others.filter((o) => o.replying);
  const viewing = others.filter((o) => !o.replying);
  const parts: string[] = [];
  if (replying.length > 0)
    parts.push(`${replying.map((o) => o.name).join(', ')} ${replying.length === 1 ? 'is' : 'are'} replying…`);
  if (viewing.length > 0)
    parts.push(`${viewing.map((o) => o.name).join(', ')} ${viewing.length === 1 ? 'is' : 'are'} viewing`);
  return parts.join(' · ');
}

export function TicketHeader({
  ticket,
  viewId,
  others,
  onAssignToMe,
  onEscalate,
  onMerge,
  onLogContact,
  onLogTime,
  onClose,
  onePane,
  onShowProperties,
  actionsRef,
}: TicketHeaderProps) {
  const me = useMe();
  const closed = ticket.status === 'closed';
  const canAssignToMe = ticket.assignee?.id !== me.id && !closed;
  return (
    <Stack gap={6} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Group gap={4} wrap="nowrap" align="flex-start" miw={0}>
          {onePane && (
            <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label="Back to the list" ml={-4}>
              <IconArrowLeft size={18} />
            </ActionIcon>
          )}
          <Title order={2} fz="h4" lineClamp={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Text span c="dimmed" fz="inherit" fw={500}>
              #{ticket.id}
            </Text>{' '}
            {ticket.subject}
          </Title>
        </Group>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {canAssignToMe &&
            (onePane ? (
              <Tooltip label="Assign to me">
                <ActionIcon variant="default" size="md" onClick={onAssignToMe} aria-label="Assign to me">
                  <IconUserCheck size={16} />
                </ActionIcon>
              </Tooltip>
            ) : (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconUserCheck size={14} />}
                onClick={onAssignToMe}
              >
                Assign to me
              </Button>
            ))}
          {onShowProperties && (
            <Tooltip label="Properties">
              <ActionIcon variant="default" size="md" onClick={onShowProperties} aria-label="Properties">
                <IconLayoutSidebarRightExpand size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon ref={actionsRef} variant="default" size="md" aria-label="More ticket actions">
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {!ticket.escalation && (
                <Menu.Item
                  leftSection={<IconAlertTriangle size={14} />}
                  onClick={onEscalate}
                  disabled={closed}
                >
                  Escalate…
                </Menu.Item>
              )}
              <Menu.Item leftSection={<IconArrowMerge size={14} />} onClick={onMerge} disabled={closed}>
                Merge tickets into this one…
              </Menu.Item>
              <Menu.Item leftSection={<IconPhone size={14} />} onClick={() => onLogContact('call')}>
                Log a phone call…
              </Menu.Item>
              <Menu.Item leftSection={<IconWalk size={14} />} onClick={() => onLogContact('visit')}>
                Log a visit…
              </Menu.Item>
              <Menu.Item
                leftSection={<IconClockPlus size={14} />}
                onClick={onLogTime}
                disabled={Boolean(ticket.mergedIntoId)}
              >
                Log time…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {!onePane && (
            <Tooltip label="Close ticket">
              <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label="Close ticket">
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      <Text fz="xs" c="dimmed" lineClamp={onePane ? 2 : undefined} style={{ overflowWrap: 'anywhere' }}>
        {ticket.requester.name}
        {ticket.requester.email ? ` <${ticket.requester.email}>` : ''}
        {ticket.organization ? ` · ${ticket.organization.name}` : ''} · via {channelLabels[ticket.channel]} ·
        opened <RelativeTime value={ticket.createdAt} fz="xs" c="dimmed" />
      </Text>
      <Group gap="sm" wrap="wrap">
        <Group gap={4}>
          <TicketStatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority} />
          {ticket.escalation && (
            <Badge
              color="red"
              variant="filled"
              size="sm"
              tt="none"
              leftSection={<IconAlertTriangle size={12} />}
            >
              Escalated
            </Badge>
          )}
          {ticket.mergedIntoId && (
            <Badge
              component={Link}
              to={ticketPath(viewId, ticket.mergedIntoId)}
              color="gray"
              size="sm"
              tt="none"
              style={{ cursor: 'pointer' }}
            >
              Merged into #{ticket.mergedIntoId}
            </Badge>
          )}
          {ticket.followUpOfId && (
            <Badge
              component={Link}
              to={ticketPath(viewId, ticket.followUpOfId)}
              color="gray"
              variant="outline"
              size="sm"
              tt="none"
              style={{ cursor: 'pointer' }}
            >
              Follow-up of #{ticket.followUpOfId}
            </Badge>
          )}
        </Group>
        <TicketSlaChips ticket={ticket} />
        <TicketClock ticket={ticket} />
        <TicketContractFlag ticket={ticket} />
        {others.length > 0 && (
          <Group gap={6} wrap="nowrap" role="status" aria-live="polite">
            <Avatar.Group spacing={6}>
              {others.slice(0, 3).map((o) => (
                <UserAvatar key={o.userId} name={o.name} size={22} withTooltip />
              ))}
            </Avatar.Group>
            <Text
              fz="xs"
              fw={500}
              style={{ color: others.some((o) => o.replying) ? 'var(--steward-warning-text)' : undefined }}
            >
              {presenceText(others)}
            </Text>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
