import { Alert, Box, Button, Drawer, Group, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure, useElementSize, useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconLock, IconMessage, IconRefresh, IconTicket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Ticket } from '../../../contracts/tickets';
import { type ApiError, isApiError } from '../../app/api';
import { useTicketPresence } from '../../app/live';
import { notifyError } from '../../app/notify';
import { useMe } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { TicketFollowUpsSection } from '../feedback/TicketFollowUps';
import { TicketSatisfactionSection } from '../feedback/TicketSatisfaction';
import { MacroPicker } from '../macros/MacroPicker';
import { useTicketSla } from '../sla/sla.queries';
import { TicketSlaSection } from '../sla/TicketSla';
import {
  markOwnVersion,
  ticketsKeys,
  useTicket,
  useTicketEvents,
  useTicketMessages,
  useUpdateTicket,
} from '../tickets/tickets.queries';
import { Composer } from './Composer';
import { Conversation } from './Conversation';
import { CustomerPanel } from './CustomerPanel';
import { appendToDraft, type ComposerMode, hasDraft } from './drafts';
import { EscalateModal } from './EscalateModal';
import { viewPath } from './inbox.url';
import { LogContactModal } from './LogContactModal';
import { LogTimeModal } from './LogTimeModal';
import { MergeModal } from './MergeModal';
import { PropertiesPanel, type TicketChanges } from './PropertiesPanel';
import { useReplyingAgents, withReplying } from './replying';
import { SideConversations } from './SideConversations';
import { nothingFocused, refocusWhenLost, whenNoDialog } from './shortcuts';
import { TicketHeader } from './TicketHeader';
import { TicketHistory } from './TicketHistory';
import { TimeLogSection } from './TimeLogSection';
import { useSendSetbacks } from './undoSend';

interface TicketPaneProps {
  ticketId: number;
  viewId: string;
  search: string;
  /** The ticket is the only pane on the screen (a phone), without the list beside it. */
  onePane: boolean;
}

export function TicketPane({ ticketId, viewId, search, onePane }: TicketPaneProps) {
  const ticket = useTicket(ticketId);
  if (ticket.isPending) {
    return (
      <Box p="lg">
        <LoadingState variant="block" label="Loading ticket" />
      </Box>
    );
  }
  if (ticket.isError) {
    const missing = isApiError(ticket.error) && ticket.error.status === 404;
    return missing ? (
      <EmptyState
        icon={<IconTicket size={28} stroke={1.5} />}
        title={`There is no ticket #${ticketId}`}
        description="It may have been deleted, or the link is wrong."
        action={
          <Button component={Link} to={viewPath(viewId, search)} variant="default">
            Back to the list
          </Button>
        }
      />
    ) : (
      <ErrorState
        error={ticket.error}
        title="This ticket could not be loaded"
        onRetry={() => void ticket.refetch()}
        retrying={ticket.isRefetching}
      />
    );
  }
  return <OpenTicket ticket={ticket.data} viewId={viewId} search={search} onePane={onePane} />;
}

function initialComposer(ticketId: number): ComposerMode | null {
  if (hasDraft(ticketId, 'reply')) return 'reply';
  if (hasDraft(ticketId, 'note')) return 'note';
  return null;
}

/** Wide enough for the properties beside the conversation; narrower panes open them in a drawer. */
const SIDE_PANEL_FROM = 760;

function OpenTicket({
  ticket,
  viewId,
  search,
  onePane,
}: Omit<TicketPaneProps, 'ticketId'> & { ticket: Ticket }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const messages = useTicketMessages(ticket.id);
  const events = useTicketEvents(ticket.id);
  const sla = useTicketSla(ticket.id);
  const update = useUpdateTicket(ticket.id);
  const others = withReplying(useTicketPresence(ticket.id, me.id), useReplyingAgents(ticket.id), me.id);
  // Properties beside the conversation when the pane is wide enough, in a drawer otherwise, so
  // the conversation always comes first. Before the pane is measured, a lone pane is a phone's.
  const pane = useElementSize();
  const sidePanel = pane.width === 0 ? !onePane : pane.width >= SIDE_PANEL_FROM;
  const [propertiesOpened, propertiesDrawer] = useDisclosure(false);
  const [tab, setTab] = useState<'conversation' | 'history' | 'side'>('conversation');
  const [composer, setComposer] = useState<ComposerMode | null>(() => initialComposer(ticket.id));
  const [focusComposer, setFocusComposer] = useState(false);
  const [conflict, setConflict] = useState<Ticket | null>(null);
  const [escalating, setEscalating] = useState(false);
  const [merging, setMerging] = useState(false);
  const [contactKind, setContactKind] = useState<'call' | 'visit' | null>(null);
  const [loggingTime, setLoggingTime] = useState(false);
  const [pickingMacro, setPickingMacro] = useState(false);
  // Moves on when a macro wrote into a draft, so the composer starts again from it.
  const [draftRevision, setDraftRevision] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const composerBox = useRef<HTMLDivElement>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const noteButton = useRef<HTMLButtonElement>(null);
  const actionsButton = useRef<HTMLButtonElement>(null);
  // The composer that just closed: its button takes the focus back (see below).
  const [closedComposer, setClosedComposer] = useState<ComposerMode | null>(null);

  const messageCount = messages.data?.length ?? 0;
  // New messages scroll into view.
  useEffect(() => {
    if (messageCount > 0 && tab === 'conversation') {
      viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
    }
  }, [messageCount, tab]);

  const openComposer = (mode: ComposerMode) => {
    setTab('conversation');
    setComposer(mode);
    setFocusComposer(true);
  };
  // A send undone or refused puts its draft back: show it.
  useSendSetbacks(ticket.id, (setback) => openComposer(setback.mode));

  const closeComposer = () => {
    setClosedComposer(composer);
    setComposer(null);
    setFocusComposer(false);
  };

  // Closed, sent or added: the focus goes to the button that opens that composer again (Reply is
  // disabled on a closed ticket: then Add note), not to the page, unless it has moved on already.
  useEffect(() => {
    if (composer !== null || closedComposer === null) return;
    setClosedComposer(null);
    if (!nothingFocused()) return;
    const button = closedComposer === 'reply' ? replyButton.current : noteButton.current;
    (button && !button.disabled ? button : noteButton.current)?.focus();
  }, [composer, closedComposer]);

  /** After a dialog of the ticket closes, the focus goes back to the ticket's actions if it was lost. */
  const afterDialog = () => refocusWhenLost(() => actionsButton.current);

  const save = (changes: TicketChanges) => {
    setConflict(null);
    update.mutate(
      { ...changes, version: ticket.version },
      {
        onError: (error) => {
          if (isApiError(error, 'TICKET_VERSION_CONFLICT')) {
            const current = currentFrom(error);
            setConflict(current ?? ticket);
            return;
          }
          notifyError(error, 'The ticket was not changed');
        },
      },
    );
  };

  const reload = () => {
    if (conflict && conflict.id === ticket.id && conflict.version !== ticket.version) {
      markOwnVersion(ticket.id, conflict.version);
      queryClient.setQueryData(ticketsKeys.detail(ticket.id), conflict);
    }
    void queryClient.invalidateQueries({ queryKey: ticketsKeys.ticket(ticket.id) });
    setConflict(null);
  };

  const closeTicket = () => navigate(viewPath(viewId, search));

  // Escape closes the composer when the focus is in it, else leaves the ticket for the list. Not
  // while typing in a field (those keep Escape), nor while a dialog, menu or popover is open.
  const onEscape = () => {
    if (composer && composerBox.current?.contains(document.activeElement)) closeComposer();
    else closeTicket();
  };

  // A closed ticket is final: the shortcuts do only what its buttons still offer.
  const closed = ticket.status === 'closed';
  useHotkeys([
    ['r', whenNoDialog(() => !closed && openComposer('reply'))],
    ['n', whenNoDialog(() => openComposer('note'))],
    ['a', whenNoDialog(() => !closed && ticket.assignee?.id !== me.id && save({ assigneeId: me.id }))],
    ['e', whenNoDialog(() => !closed && !ticket.escalation && setEscalating(true))],
    ['m', whenNoDialog(() => setPickingMacro(true))],
    ['Escape', whenNoDialog(onEscape)],
  ]);

  const properties = (
    <Stack gap="xl">
      <PropertiesPanel
        ticket={ticket}
        onSave={save}
        saving={update.isPending}
        onEscalate={() => setEscalating(true)}
      />
      <TimeLogSection ticketId={ticket.id} />
      <TicketSlaSection ticketId={ticket.id} />
      <TicketSatisfactionSection ticketId={ticket.id} />
      <TicketFollowUpsSection ticketId={ticket.id} />
      <CustomerPanel ticket={ticket} viewId={viewId} />
    </Stack>
  );

  return (
    <Box
      ref={pane.ref}
      style={{ display: 'flex', height: '100%', minWidth: 0 }}
      component="article"
      aria-label={`Ticket #${ticket.id}`}
    >
      <Stack gap={0} style={{ flex: 1, minWidth: 0, height: '100%' }}>
        <TicketHeader
          ticket={ticket}
          viewId={viewId}
          others={others}
          onAssignToMe={() => save({ assigneeId: me.id })}
          onEscalate={() => setEscalating(true)}
          onMerge={() => setMerging(true)}
          onLogContact={setContactKind}
          onLogTime={() => setLoggingTime(true)}
          onClose={closeTicket}
          onePane={onePane}
          onShowProperties={sidePanel ? null : propertiesDrawer.open}
          actionsRef={actionsButton}
        />
        {conflict && (
          <Alert color="orange" role="alert" radius={0} icon={<IconAlertTriangle size={18} />} py="xs">
            <Group justify="space-between" gap="sm">
              <Text fz="sm" fw={600}>
                Someone else changed this ticket. Your change was not saved.
              </Text>
              <Button
                size="compact-sm"
                variant="white"
                leftSection={<IconRefresh size={14} />}
                onClick={reload}
              >
                Reload the ticket
              </Button>
            </Group>
          </Alert>
        )}
        <Group
          px="sm"
          py={6}
          justify="space-between"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <SegmentedControl
            size="xs"
            value={tab}
            onChange={(value) => setTab(value === 'history' || value === 'side' ? value : 'conversation')}
            aria-label="Conversation, side conversations or history"
            data={[
              { value: 'conversation', label: `Conversation (${messageCount})` },
              { value: 'side', label: 'Side conversations' },
              { value: 'history', label: 'History' },
            ]}
          />
          {!composer && (
            <Group gap={6}>
              <Button
                ref={replyButton}
                size="xs"
                variant="light"
                leftSection={<IconMessage size={14} />}
                onClick={() => openComposer('reply')}
                disabled={ticket.status === 'closed'}
              >
                {hasDraft(ticket.id, 'reply') ? 'Reply (draft)' : 'Reply'}
              </Button>
              <Button
                ref={noteButton}
                size="xs"
                variant="light"
                color="yellow"
                c="var(--steward-note-text)"
                leftSection={<IconLock size={14} />}
                onClick={() => openComposer('note')}
              >
                {hasDraft(ticket.id, 'note') ? 'Add note (draft)' : 'Add note'}
              </Button>
            </Group>
          )}
        </Group>
        <ScrollArea style={{ flex: 1 }} viewportRef={viewport} type="auto">
          <Box p="md">
            {tab === 'conversation' ? (
              messages.isPending ? (
                <LoadingState variant="block" label="Loading the conversation" />
              ) : messages.isError ? (
                <ErrorState
                  error={messages.error}
                  title="The conversation could not be loaded"
                  onRetry={() => void messages.refetch()}
                />
              ) : (
                <Conversation messages={messages.data} />
              )
            ) : tab === 'side' ? (
              <SideConversations ticketId={ticket.id} disabled={ticket.status === 'closed'} />
            ) : events.isPending ? (
              <LoadingState variant="block" label="Loading the history" />
            ) : events.isError ? (
              <ErrorState
                error={events.error}
                title="The history could not be loaded"
                onRetry={() => void events.refetch()}
              />
            ) : (
              <TicketHistory events={events.data} slaEvents={sla.data?.events ?? []} />
            )}
          </Box>
        </ScrollArea>
        {composer && (
          <div ref={composerBox}>
            <Composer
              ticket={ticket}
              mode={composer}
              onModeChange={setComposer}
              onClose={closeComposer}
              others={others}
              autoFocus={focusComposer}
              onPickMacro={() => setPickingMacro(true)}
              revision={draftRevision}
            />
          </div>
        )}
      </Stack>
      {sidePanel ? (
        <ScrollArea
          w={290}
          style={{ flexShrink: 0, borderLeft: '1px solid var(--mantine-color-default-border)' }}
          type="auto"
        >
          <Box p="md">{properties}</Box>
        </ScrollArea>
      ) : (
        <Drawer
          opened={propertiesOpened}
          onClose={propertiesDrawer.close}
          position="right"
          size={onePane ? '100%' : 340}
          title={`Ticket #${ticket.id}`}
        >
          {properties}
        </Drawer>
      )}
      <EscalateModal
        ticket={ticket}
        opened={escalating}
        onClose={() => {
          setEscalating(false);
          afterDialog();
        }}
      />
      <MergeModal
        ticket={ticket}
        opened={merging}
        onClose={() => {
          setMerging(false);
          afterDialog();
        }}
      />
      <MacroPicker
        ticket={ticket}
        opened={pickingMacro}
        onClose={() => {
          setPickingMacro(false);
          afterDialog();
        }}
        onApplied={({ body, internal }) => {
          const mode = internal || closed ? 'note' : 'reply';
          if (body.trim()) appendToDraft(ticket.id, mode, body);
          setDraftRevision((r) => r + 1);
          openComposer(mode);
        }}
      />
      <LogContactModal
        ticket={ticket}
        kind={contactKind}
        onClose={() => {
          setContactKind(null);
          afterDialog();
        }}
      />
      <LogTimeModal
        ticketId={ticket.id}
        opened={loggingTime}
        onClose={() => {
          setLoggingTime(false);
          afterDialog();
        }}
      />
    </Box>
  );
}

/** The fresh ticket a version conflict answers with. */
function currentFrom(error: ApiError): Ticket | null {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = details.current;
  if (typeof current !== 'object' || current === null || !('id' in current) || !('version' in current))
    return null;
  return current as Ticket;
}
