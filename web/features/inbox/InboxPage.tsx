import { Box, Drawer } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconKeyboard } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Navigate } from 'react-router';
import { usePollInterval } from '../../app/live';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { mainContentId } from '../../components/SkipLink';
import { useViews } from '../tickets/tickets.queries';
import { DEFAULT_VIEW, useInboxLocation, viewPath } from './inbox.url';
import { useListMode, useListWidth } from './listPane';
import { NewTicketModal } from './NewTicketModal';
import { PaneResizer } from './PaneResizer';
import { SaveViewModal } from './SaveViewModal';
import { ShortcutsModal } from './ShortcutsModal';
import { focusTicketRow, nothingFocused, whenNoDialog } from './shortcuts';
import { TicketListPane } from './TicketListPane';
import { TicketPane } from './TicketPane';
import { ViewsPane } from './ViewsPane';

const paneBorder = '1px solid var(--mantine-color-default-border)';
const VIEWS_WIDTH = 220;

/** The address's search without the sort and columns chosen in a list: they belong to that view. */
function withoutListChoices(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('s');
  params.delete('c');
  return params.toString();
}

/** The open ticket, or else the view the list shows. */
export function inboxTitle(ticketId: number | null, viewName: string | undefined): string {
  if (ticketId !== null) return `Ticket #${ticketId}`;
  return viewName ? `${viewName} · Inbox` : 'Inbox';
}

/**
 * When the open ticket closes (its ×, Escape, the back arrow, the browser's Back), the focus goes
 * to its row in the list, or to the page while the list is not shown yet, never to nowhere.
 */
function useFocusRowAfterClose(ticketId: number | null) {
  const previous = useRef(ticketId);
  useEffect(() => {
    const closedId = previous.current;
    previous.current = ticketId;
    if (closedId === null || ticketId !== null || !nothingFocused()) return;
    if (!focusTicketRow(closedId)) document.getElementById(mainContentId)?.focus();
  }, [ticketId]);
}

/** Views, the queue and the open ticket: three panes on a wide screen, two on a laptop. */
export function InboxPage() {
  const location = useInboxLocation();
  const refetchInterval = usePollInterval();
  const views = useViews({ refetchInterval });
  const wide = useMediaQuery('(min-width: 1400px)', true);
  const narrow = useMediaQuery('(max-width: 900px)', false);
  const [viewsOpened, viewsDrawer] = useDisclosure(false);
  const [shortcutsOpened, shortcuts] = useDisclosure(false);
  const [newTicketOpened, newTicket] = useDisclosure(false);
  const [saveViewOpened, saveView] = useDisclosure(false);
  const [listMode, setListMode] = useListMode();
  const listPane = useListWidth(listMode, wide ? VIEWS_WIDTH : 0);

  useHotkeys([
    ['shift+?', whenNoDialog(shortcuts.open)],
    ['?', whenNoDialog(shortcuts.open)],
  ]);
  useFocusRowAfterClose(location.ticketId);
  usePageTitle(inboxTitle(location.ticketId, views.data?.find((v) => v.id === location.viewId)?.name));

  if (!location.viewId) return <Navigate to={viewPath(DEFAULT_VIEW)} replace />;
  const { viewId, ticketId, q, filters, setQ, setFilters, search } = location;
  const { sort, setSort, columns, setColumns } = location;
  const view = views.data?.find((v) => v.id === viewId);

  const viewsPane = (
    <ViewsPane
      views={views.data}
      loading={views.isPending}
      error={views.isError ? views.error : null}
      onRetry={() => void views.refetch()}
      activeViewId={viewId}
      search={withoutListChoices(search)}
      onNavigate={viewsDrawer.close}
    />
  );

  const showList = !narrow || ticketId === null;
  const showTicket = !narrow || ticketId !== null;

  return (
    <Box style={{ display: 'flex', height: 'calc(100dvh - 56px)', overflow: 'hidden' }}>
      {wide && (
        <Box w={VIEWS_WIDTH} style={{ flexShrink: 0, borderRight: paneBorder }}>
          {viewsPane}
        </Box>
      )}
      {showList && (
        <Box
          w={narrow ? '100%' : listPane.width}
          pos="relative"
          style={{ flexShrink: 0, borderRight: paneBorder, minWidth: 0 }}
          component="section"
          aria-label="Ticket list"
        >
          {!narrow && <PaneResizer pane={listPane} label="Width of the ticket list" />}
          <TicketListPane
            viewId={viewId}
            view={view}
            openTicketId={ticketId}
            q={q}
            filters={filters}
            onQChange={setQ}
            onFiltersChange={setFilters}
            sort={sort}
            onSortChange={setSort}
            columns={columns}
            onColumnsChange={setColumns}
            mode={listMode}
            onModeChange={setListMode}
            search={search}
            onShowViews={wide ? null : viewsDrawer.open}
            onNewTicket={newTicket.open}
            onSaveView={saveView.open}
          />
        </Box>
      )}
      {showTicket && (
        <Box style={{ flex: 1, minWidth: 0 }}>
          {ticketId !== null ? (
            <TicketPane key={ticketId} ticketId={ticketId} viewId={viewId} search={search} onePane={narrow} />
          ) : (
            <EmptyState
              icon={<IconKeyboard size={28} stroke={1.5} />}
              title="Pick a ticket"
              description="Click a ticket in the list, or press j and k to move and Enter to open. Press ? for every shortcut."
            />
          )}
        </Box>
      )}
      <Drawer opened={viewsOpened} onClose={viewsDrawer.close} title="Views" size={280} padding={0}>
        <Box h="calc(100dvh - 70px)">{viewsPane}</Box>
      </Drawer>
      <ShortcutsModal opened={shortcutsOpened} onClose={shortcuts.close} />
      <NewTicketModal opened={newTicketOpened} onClose={newTicket.close} viewId={viewId} />
      <SaveViewModal
        opened={saveViewOpened}
        onClose={saveView.close}
        baseView={view}
        filters={filters}
        sort={sort}
        columns={columns}
        hasSearch={q.trim() !== ''}
      />
    </Box>
  );
}
