import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../contracts/common';
import type { User } from '../../../contracts/users';
import { assignableRoles, roleLabels } from '../../app/access';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { RoleBadge } from '../../components/RoleBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { TableFrame } from '../../components/TableFrame';
import { UserAvatar } from '../../components/UserAvatar';
import { useTeamOptions } from '../teams/teams.queries';
import { CreateUserModal } from './CreateUserModal';
import { type UserFilters, type UserStatusFilter, useUsersList } from './users.queries';

const roleFilterOptions = (Object.keys(roleLabels) as Role[]).map((role) => ({
  value: role,
  label: roleLabels[role],
}));
const statusOptions: { value: UserStatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
  { value: 'all', label: 'All statuses' },
];

function isRole(value: string | null): value is Role {
  return value !== null && value in roleLabels;
}

function isStatus(value: string | null): value is UserStatusFilter {
  return value === 'active' || value === 'deactivated' || value === 'all';
}

export function UsersPage() {
  usePageTitle('Users');
  const me = useMe();
  const [createOpened, createModal] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<UserStatusFilter>('active');
  const [teamId, setTeamId] = useState<number | null>(null);
  const teams = useTeamOptions();

  const filters: UserFilters = { q: debouncedSearch, role, status, teamId };
  const users = useUsersList(filters);
  const rows = users.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = debouncedSearch.trim() !== '' || role !== null || status !== 'active' || teamId !== null;
  const canCreate = assignableRoles(me.role).length > 0;

  const clearFilters = () => {
    setSearch('');
    setRole(null);
    setStatus('active');
    setTeamId(null);
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who signs in to Steward: their role, their teams and their access."
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
              New user
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            aria-label="Search users"
            placeholder="Search by name or email"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
          <Select
            aria-label="Filter by role"
            placeholder="All roles"
            data={roleFilterOptions}
            value={role}
            onChange={(value) => setRole(isRole(value) ? value : null)}
            clearable
            w={160}
          />
          <Select
            aria-label="Filter by status"
            data={statusOptions}
            value={status}
            onChange={(value) => setStatus(isStatus(value) ? value : 'active')}
            allowDeselect={false}
            w={160}
          />
          <Select
            aria-label="Filter by team"
            placeholder="All teams"
            data={teams.data ?? []}
            value={teamId === null ? null : String(teamId)}
            onChange={(value) => setTeamId(value ? Number(value) : null)}
            clearable
            searchable
            nothingFoundMessage="No team by that name"
            w={200}
          />
          {filtered && (
            <Button variant="subtle" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
        </Group>

        <Paper withBorder radius="md">
          <QueryList
            query={users}
            loadingLabel="Loading users"
            errorTitle="Users could not be loaded"
            isEmpty={rows.length === 0}
            noMatch={
              filtered
                ? {
                    icon: <IconSearch size={28} stroke={1.5} />,
                    title: 'No users match these filters',
                    description: 'Try another name or email, or clear the filters to see everyone.',
                    onClear: clearFilters,
                  }
                : null
            }
            empty={
              <EmptyState
                icon={<IconUsers size={28} stroke={1.5} />}
                title="No users yet"
                description="Add the people who work in Steward: agents answer customers, managers run the day."
                action={
                  canCreate && (
                    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
                      New user
                    </Button>
                  )
                }
              />
            }
          >
            <UsersTable users={rows} />
            <LoadMore
              hasNextPage={users.hasNextPage}
              isFetchingNextPage={users.isFetchingNextPage}
              fetchNextPage={users.fetchNextPage}
              shown={rows.length}
              noun="users"
            />
          </QueryList>
        </Paper>
      </Stack>
      <CreateUserModal opened={createOpened} onClose={createModal.close} />
    </>
  );
}

function UsersTable({ users }: { users: User[] }) {
  const navigate = useNavigate();
  return (
    <TableFrame minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Teams</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr
              key={user.id}
              onClick={(event) => {
                if (event.target instanceof HTMLElement && event.target.closest('a')) return;
                navigate(`/admin/users/${user.id}`);
              }}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <UserAvatar name={user.name} initials={user.initials} size="md" />
                  <Stack gap={0} miw={0}>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/admin/users/${user.id}`} fw={500} fz="sm" truncate="end">
                        {user.name}
                      </Anchor>
                      {user.twoFactorEnabled && (
                        <Tooltip label="Two-factor sign-in is on">
                          <IconShieldCheck
                            size={16}
                            color="var(--mantine-color-teal-6)"
                            aria-label="Two-factor sign-in is on"
                          />
                        </Tooltip>
                      )}
                    </Group>
                    <Text fz="xs" c="dimmed" truncate="end">
                      {user.email}
                    </Text>
                  </Stack>
                </Group>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={user.role} />
              </Table.Td>
              <Table.Td>
                {user.teams.length === 0 ? (
                  <Text fz="sm" c="dimmed">
                    No team
                  </Text>
                ) : (
                  <Group gap={4}>
                    {user.teams.map((team) => (
                      <Badge key={team.id} variant="default" size="sm" tt="none">
                        {team.name}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge active={user.status === 'active'} inactiveLabel="Deactivated" />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={user.lastLoginAt} fallback="Never" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
