import { Box, Button, Checkbox, ScrollArea, Stack } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { View, ViewSort } from '../../../contracts/tickets';
import { usePollInterval } from '../../app/live';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LoadMore } from '../../components/LoadMore';
import { useTicketList } from '../tickets/tickets.queries';
import { BulkActionBar } from './BulkActionBar';
import { type ColumnKey, columnsOf, isColumnKey, rowLayout, sortOf } from './columns';
import { useInboxDensity } from './density';
import { EmptyQueueState } from './EmptyQueueState';
import { type ChipFilters, ticketPath } from './inbox.url';
import type { ListMode } from './listPane';
import { focusTakesEnter, whenNoDialog } from './shortcuts';
import { TicketListHeader } from './TicketListHeader';
import { TicketListRow } from './TicketListRow';
import { TicketTable } from './TicketTable';

interface TicketListPaneProps {
  viewId: string;
  view: View | undefined;
  openTicketId: number | null;
  q: string;
  filters: ChipFilters;
  onQChange: (q: string) => void;
  onFiltersChange: (filters: ChipFilters) => void;
  /** A sort chosen in the list, over the view's own (null: the view's). */
  sort: ViewSort | null;
  onSortChange: (sort: ViewSort | null) => void;
  /** Columns chosen in the list, over the view's own (null: the view's). */
  columns: ColumnKey[] | null;
  onColumnsChange: (columns: ColumnKey[] | null) => void;
  mode: ListMode;
  onModeChange: (mode: ListMode) => void;
  search: string;
  onShowViews: (() => void) | null;
  onNewTicket: () => void;
  onSaveView: () => void;
}

export function TicketListPane({
  viewId,
  view,
  openTicketId,
  q,
  filters,
  onQChange,
  onFiltersChange,
  sort,
  onSortChange,
  columns,
  onColumnsChange,
  mode,
  onModeChange,
  search,
  onShowViews,
  onNewTicket,
  onSaveView,
}: TicketListPaneProps) {
  const navigate = useNavigate();
  const refetchInterval = usePollInterval();
  const tickets = useTicketList({ viewId, filters, q, sort }, { refetchInterval });
  const rows = useMemo(() => tickets.data?.pages.flatMap((p) => p.data) ?? [], [tickets.data]);
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [cursor, setCursor] = useState<number | null>(null);
  const [searchText, setSearchText] = useState(q);
  const pushSearch = useDebouncedCallback((value: string) => onQChange(value), 300);
  const filtered = q.trim() !== '' || Object.keys(filters).length > 0;
  const clearSearch = () => {
    setSearchText('');
    onQChange('');
  };
  const [density, setDensity] = useInboxDensity();
  const shownColumns = columns ?? columnsOf(view);
  const columnsKey = shownColumns.join(',');
  const layout = useMemo(() => rowLayout(columnsKey.split(',').filter(isColumnKey)), [columnsKey]);

  // The selection belongs to one list: a new view or filter starts empty.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list changes
  useEffect(() => setSelected(new Set()), [viewId, q, filters, sort]);

  useEffect(() => {
    if (openTicketId !== null) setCursor(openTicketId);
  }, [openTicketId]);

  const toggle = useCallback(
    (id: number) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  const move = (step: 1 | -1) => {
    if (rows.length === 0) return;
    const index = cursor === null ? -1 : rows.findIndex((t) => t.id === cursor);
    const nextIndex =
      index === -1
        ? step === 1
          ? 0
          : rows.length - 1
        : Math.min(rows.length - 1, Math.max(0, index + step));
    const next = rows[nextIndex];
    if (!next) return;
    setCursor(next.id);
    const row = document.getElementById(`ticket-row-${next.id}`);
    row?.scrollIntoView({ block: 'nearest' });
    // Focus follows the cursor, so a screen reader names the ticket Enter will open.
    row?.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
  };

  useHotkeys([
    ['j', whenNoDialog(() => move(1))],
    ['k', whenNoDialog(() => move(-1))],
    [
      'Enter',
      whenNoDialog((event) => {
        if (focusTakesEnter(event)) return;
        event.preventDefault();
        if (cursor !== null && rows.some((t) => t.id === cursor))
          navigate(ticketPath(viewId, cursor, search));
      }),
      { preventDefault: false },
    ],
  ]);

  const allShownSelected = rows.length > 0 && rows.every((t) => selected.has(t.id));
  const someSelected = rows.some((t) => selected.has(t.id));

  return (
    <Stack gap={0} h="100%">
      <TicketListHeader
        view={view}
        searchText={searchText}
        onSearchTextChange={(value) => {
          setSearchText(value);
          pushSearch(value);
        }}
        onClearSearch={clearSearch}
        filters={filters}
        onFiltersChange={onFiltersChange}
        density={density}
        onDensityChange={setDensity}
        mode={mode}
        onModeChange={onModeChange}
        columns={shownColumns}
        onColumnsChange={onColumnsChange}
        onShowViews={onShowViews}
        onNewTicket={onNewTicket}
        onSaveView={onSaveView}
      >
        {rows.length > 0 && (
          <Checkbox
            size="xs"
            label={someSelected ? `${selected.size} selected` : 'Select all shown'}
            checked={allShownSelected}
            indeterminate={someSelected && !allShownSelected}
            onChange={() => setSelected(allShownSelected ? new Set() : new Set(rows.map((t) => t.id)))}
          />
        )}
      </TicketListHeader>
      <ScrollArea style={{ flex: 1 }} type="auto">
        {tickets.isPending ? (
          <Box p="sm">
            <LoadingState label="Loading tickets" rows={8} />
          </Box>
        ) : tickets.isError ? (
          <ErrorState
            error={tickets.error}
            title="Tickets could not be loaded"
            onRetry={() => void tickets.refetch()}
            retrying={tickets.isRefetching}
          />
        ) : rows.length === 0 ? (
          filtered ? (
            <EmptyState
              size="sm"
              icon={<IconSearch size={22} stroke={1.5} />}
              title="No tickets match"
              description="Try other words, or clear the search and filters."
              action={
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    clearSearch();
                    onFiltersChange({});
                  }}
                >
                  Clear search and filters
                </Button>
              }
            />
          ) : (
            <EmptyQueueState viewId={viewId} view={view} onNewTicket={onNewTicket} />
          )
        ) : (
          <>
            {mode === 'table' ? (
              <TicketTable
                rows={rows}
                columns={shownColumns}
                sort={sortOf(sort, view)}
                onSort={onSortChange}
                linkTo={(id) => ticketPath(viewId, id, search)}
                openTicketId={openTicketId}
                cursor={cursor}
                selected={selected}
                onToggle={toggle}
                density={density}
              />
            ) : (
              <Box component="ul" m={0} p={0} aria-label="Tickets">
                {rows.map((ticket) => (
                  <TicketListRow
                    key={ticket.id}
                    ticket={ticket}
                    to={ticketPath(viewId, ticket.id, search)}
                    open={ticket.id === openTicketId}
                    cursor={ticket.id === cursor}
                    selected={selected.has(ticket.id)}
                    onToggle={toggle}
                    layout={layout}
                    density={density}
                  />
                ))}
              </Box>
            )}
            <LoadMore
              hasNextPage={tickets.hasNextPage}
              isFetchingNextPage={tickets.isFetchingNextPage}
              fetchNextPage={tickets.fetchNextPage}
              shown={rows.length}
              noun="tickets"
            />
          </>
        )}
      </ScrollArea>
      <BulkActionBar selected={[...selected]} onClear={() => setSelected(new Set())} />
    </Stack>
  );
}
