import { ActionBar, Button, Group, Menu, Popover, ScrollArea, Stack, TagsInput, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { IconChevronDown, IconTags } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { priorityOptions, statusOptions } from '../../app/ticketLabels';
import { useTeamOptions } from '../teams/teams.queries';
import { type BulkChanges, useBulkUpdate } from '../tickets/tickets.queries';
import { useStaffOptions } from '../users/users.queries';

interface BulkActionBarProps {
  selected: number[];
  onClear: () => void;
}

/** Appears when tickets are ticked: change them all at once. */
export function BulkActionBar({ selected, onClear }: BulkActionBarProps) {
  const me = useMe();
  const bulk = useBulkUpdate();
  const staff = useStaffOptions();
  const teams = useTeamOptions();
  const [tags, setTags] = useState<string[]>([]);
  const count = selected.length;
  // Escape closes an open menu first; only with none open does it clear the selection. Read
  // before the menu sees the key (capture), as the menu's closing re-renders within the event.
  const openMenus = useRef(0);
  const menuEvents = {
    onOpen: () => {
      openMenus.current += 1;
    },
    onClose: () => {
      openMenus.current = Math.max(0, openMenus.current - 1);
    },
  };
  useWindowEvent(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && count > 0 && openMenus.current === 0) onClear();
    },
    { capture: true },
  );

  const apply = (changes: BulkChanges, what: string) =>
    bulk.mutate(
      { ticketIds: selected, changes },
      {
        onSuccess: (result) => {
          if (result.failed.length === 0) {
            notifySuccess(
              `${result.updated.length === 1 ? '1 ticket' : `${result.updated.length} tickets`}: ${what}.`,
              'Tickets updated',
            );
            setTags([]);
            onClear();
            return;
          }
          notifyError(
            new Error(
              `${result.updated.length} updated; not changed: ${result.failed
                .slice(0, 5)
                .map((f) => `#${f.ticketId} (${f.message})`)
                .join(', ')}${result.failed.length > 5 ? '…' : ''}`,
            ),
            'Some tickets were not changed',
          );
        },
        onError: (error) => notifyError(error, 'The tickets were not changed'),
      },
    );

  return (
    <ActionBar opened={count > 0} onClose={onClear} aria-label="Bulk actions" closeOnEscape={false}>
      <Group gap="xs" wrap="nowrap" px="xs">
        <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }} role="status">
          {count === 1 ? '1 ticket selected' : `${count} tickets selected`}
        </Text>
        <ActionBar.Divider />
        <BulkMenu label="Assign" loading={bulk.isPending} {...menuEvents}>
          <Menu.Item onClick={() => apply({ assigneeId: me.id }, 'assigned to you')}>Me</Menu.Item>
          <Menu.Item onClick={() => apply({ assigneeId: null }, 'unassigned')}>Nobody (unassign)</Menu.Item>
          <Menu.Divider />
          <ScrollArea.Autosize mah={260}>
            {(staff.data ?? []).map((user) => (
              <Menu.Item
                key={user.id}
                onClick={() => apply({ assigneeId: user.id }, `assigned to ${user.name}`)}
              >
                {user.name}
              </Menu.Item>
            ))}
          </ScrollArea.Autosize>
        </BulkMenu>
        <BulkMenu label="Team" loading={bulk.isPending} {...menuEvents}>
          <Menu.Item onClick={() => apply({ teamId: null }, 'no team')}>No team</Menu.Item>
          {(teams.data ?? []).map((team) => (
            <Menu.Item
              key={team.value}
              onClick={() => apply({ teamId: Number(team.value) }, `moved to ${team.label}`)}
            >
              {team.label}
            </Menu.Item>
          ))}
        </BulkMenu>
        <BulkMenu label="Status" loading={bulk.isPending} {...menuEvents}>
          {statusOptions
            .filter((o) => o.value !== 'new')
            .map((o) => (
              <Menu.Item
                key={o.value}
                onClick={() => apply({ status: o.value }, `now ${o.label.toLowerCase()}`)}
              >
                {o.label}
              </Menu.Item>
            ))}
        </BulkMenu>
        <BulkMenu label="Priority" loading={bulk.isPending} {...menuEvents}>
          {priorityOptions.map((o) => (
            <Menu.Item
              key={o.value}
              onClick={() => apply({ priority: o.value }, `priority ${o.label.toLowerCase()}`)}
            >
              {o.label}
            </Menu.Item>
          ))}
        </BulkMenu>
        <Popover position="top" shadow="md" trapFocus withinPortal {...menuEvents}>
          <Popover.Target>
            <Button size="compact-sm" variant="default" leftSection={<IconTags size={14} />}>
              Tags
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="sm" w={260}>
              <TagsInput
                label="Tags"
                description="Press Enter after each tag"
                value={tags}
                onChange={(values) => setTags(values.map((t) => t.trim().toLowerCase()).filter(Boolean))}
                comboboxProps={{ withinPortal: false }}
              />
              <Group gap="xs" grow>
                <Button
                  size="xs"
                  disabled={tags.length === 0}
                  loading={bulk.isPending}
                  onClick={() => apply({ addTags: tags }, `tagged ${tags.join(', ')}`)}
                >
                  Add tags
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={tags.length === 0}
                  loading={bulk.isPending}
                  onClick={() => apply({ removeTags: tags }, `untagged ${tags.join(', ')}`)}
                >
                  Remove tags
                </Button>
              </Group>
            </Stack>
          </Popover.Dropdown>
        </Popover>
        <ActionBar.Divider />
        <ActionBar.CloseButton aria-label="Clear selection" />
      </Group>
    </ActionBar>
  );
}

interface BulkMenuProps {
  label: string;
  loading: boolean;
  children: ReactNode;
  onOpen: () => void;
  onClose: () => void;
}

function BulkMenu({ label, loading, children, onOpen, onClose }: BulkMenuProps) {
  return (
    <Menu position="top" withinPortal shadow="md" onOpen={onOpen} onClose={onClose}>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="default"
          rightSection={<IconChevronDown size={12} />}
          loading={loading}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
