import { ActionIcon, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconLayoutSidebar, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { View } from '../../../contracts/tickets';
import { formatViewCount } from '../../app/format';
import type { ColumnKey } from './columns';
import { DensityToggle } from './DensityToggle';
import type { Density } from './density';
import { FilterBar } from './FilterBar';
import type { ChipFilters } from './inbox.url';
import { ColumnsPicker, ListModeToggle } from './ListModeToggle';
import type { ListMode } from './listPane';

interface TicketListHeaderProps {
  view: View | undefined;
  searchText: string;
  onSearchTextChange: (text: string) => void;
  onClearSearch: () => void;
  filters: ChipFilters;
  onFiltersChange: (filters: ChipFilters) => void;
  density: Density;
  onDensityChange: (density: Density) => void;
  mode: ListMode;
  onModeChange: (mode: ListMode) => void;
  columns: ColumnKey[];
  onColumnsChange: (columns: ColumnKey[]) => void;
  onShowViews: (() => void) | null;
  onNewTicket: () => void;
  onSaveView: () => void;
  /** Below the filters, e.g. the select-all checkbox. */
  children?: ReactNode;
}

/** The list's title and actions, the search box and the filter chips. */
export function TicketListHeader({
  view,
  searchText,
  onSearchTextChange,
  onClearSearch,
  filters,
  onFiltersChange,
  density,
  onDensityChange,
  mode,
  onModeChange,
  columns,
  onColumnsChange,
  onShowViews,
  onNewTicket,
  onSaveView,
  children,
}: TicketListHeaderProps) {
  return (
    <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" miw={0}>
          {onShowViews && (
            <Tooltip label="Views">
              <ActionIcon variant="default" onClick={onShowViews} aria-label="Show views">
                <IconLayoutSidebar size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Title order={1} fz="h4" lineClamp={1}>
            {view?.name ?? 'Tickets'}
          </Title>
          {view && view.count !== null && (
            <Text fz="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {formatViewCount(view)}
            </Text>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <ListModeToggle mode={mode} onChange={onModeChange} />
          {mode === 'table' && <ColumnsPicker columns={columns} onChange={onColumnsChange} />}
          <DensityToggle density={density} onChange={onDensityChange} />
          <Tooltip label="Save as a view: filters, columns and sort">
            <ActionIcon variant="default" onClick={onSaveView} aria-label="Save as a view">
              <IconDeviceFloppy size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="New ticket">
            <ActionIcon variant="filled" onClick={onNewTicket} aria-label="New ticket">
              <IconPlus size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <TextInput
        size="xs"
        aria-label="Search tickets"
        placeholder="Search subject and conversation"
        leftSection={<IconSearch size={14} />}
        value={searchText}
        onChange={(event) => onSearchTextChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClearSearch();
        }}
        rightSection={
          searchText ? (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label="Clear search"
              onClick={onClearSearch}
            >
              <IconX size={12} />
            </ActionIcon>
          ) : null
        }
      />
      <FilterBar filters={filters} onChange={onFiltersChange} />
      {children}
    </Stack>
  );
}
