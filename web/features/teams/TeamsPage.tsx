import {
  Anchor,
  Avatar,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Team } from '../../../contracts/teams';
import { can } from '../../app/access';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { confirmAction } from '../../components/ConfirmButton';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { TableFrame } from '../../components/TableFrame';
import { UserAvatar } from '../../components/UserAvatar';
import { PresenceDot } from '../routing/PresenceDot';
import { usePresenceOfStaff } from '../routing/routing.queries';
import { TeamFormModal } from './TeamFormModal';
import { useDeleteTeam, useTeamsList } from './teams.queries';

const MAX_AVATARS = 5;

export function TeamsPage() {
  usePageTitle('Teams');
  const me = useMe();
  const canWrite = can(me.role, 'teams.write');
  // Managers see who is online (the routing page has the detail).
  const presence = usePresenceOfStaff(can(me.role, 'routing.read'));
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const teams = useTeamsList(debouncedSearch);
  const rows = teams.data?.pages.flatMap((p) => p.data) ?? [];
  const [editing, setEditing] = useState<Team | null>(null);
  const [modalOpened, setModalOpened] = useState(false);
  const deleteTeam = useDeleteTeam();

  const openCreate = () => {
    setEditing(null);
    setModalOpened(true);
  };
  const openEdit = (team: Team) => {
    setEditing(team);
    setModalOpened(true);
  };
  const askDelete = (team: Team) =>
    confirmAction({
      title: `Delete ${team.name}?`,
      message: `The team is removed. Its ${team.members.length === 1 ? 'member stays' : 'members stay'} in Steward, without this team.`,
      confirmLabel: 'Delete team',
      danger: true,
      onConfirm: () =>
        deleteTeam.mutate(team.id, {
          onSuccess: () => notifySuccess(`${team.name} is deleted.`, 'Team deleted'),
          onError: (error) => notifyError(error),
        }),
    });

  return (
    <>
      <PageHeader
        title="Teams"
        description={
          canWrite
            ? 'Group agents into teams with a lead. Work is routed and reported by team.'
            : 'The teams in your department, their leads and members.'
        }
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
              New team
            </Button>
          )
        }
      />
      <Stack gap="md">
        <TextInput
          aria-label="Search teams"
          placeholder="Search teams by name"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
        />
        <Paper withBorder radius="md">
          {teams.isPending ? (
            <Stack p="md">
              <LoadingState label="Loading teams" rows={4} />
            </Stack>
          ) : teams.isError ? (
            <ErrorState
              error={teams.error}
              title="Teams could not be loaded"
              onRetry={() => void teams.refetch()}
              retrying={teams.isRefetching}
            />
          ) : rows.length === 0 ? (
            debouncedSearch.trim() ? (
              <EmptyState
                icon={<IconSearch size={28} stroke={1.5} />}
                title="No team by that name"
                description="Check the spelling, or clear the search to see every team."
                action={
                  <Button variant="default" onClick={() => setSearch('')}>
                    Clear search
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<IconUsersGroup size={28} stroke={1.5} />}
                title="No teams yet"
                description={
                  canWrite
                    ? 'Create a team, add its members and pick a lead. Tickets can then be routed to it.'
                    : 'When a manager creates teams, they show up here.'
                }
                action={
                  canWrite && (
                    <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
                      New team
                    </Button>
                  )
                }
              />
            )
          ) : (
            <>
              <TableFrame minWidth={760}>
                <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Teams">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Team</Table.Th>
                      <Table.Th>Lead</Table.Th>
                      <Table.Th>Members</Table.Th>
                      {canWrite && (
                        <Table.Th w={100}>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((team) => (
                      <Table.Tr key={team.id}>
                        <Table.Td maw={360}>
                          <Anchor
                            component={Link}
                            to={`/scorecards/teams/${team.id}`}
                            fw={500}
                            fz="sm"
                            aria-label={`${team.name}, scorecard`}
                          >
                            {team.name}
                          </Anchor>
                          {team.description && (
                            <Text fz="xs" c="dimmed" lineClamp={2}>
                              {team.description}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {team.lead ? (
                            <Group gap="xs" wrap="nowrap">
                              <UserAvatar name={team.lead.name} initials={team.lead.initials} size="sm" />
                              <Text fz="sm">{team.lead.name}</Text>
                            </Group>
                          ) : (
                            <Text fz="sm" c="dimmed">
                              No lead
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {team.members.length === 0 ? (
                            <Text fz="sm" c="dimmed">
                              No members yet
                            </Text>
                          ) : (
                            <Group gap="sm" wrap="nowrap">
                              <Avatar.Group spacing={4}>
                                {team.members.slice(0, MAX_AVATARS).map((m) => (
                                  <UserAvatar
                                    key={m.id}
                                    name={m.name}
                                    initials={m.initials}
                                    size="sm"
                                    withTooltip
                                  />
                                ))}
                                {team.members.length > MAX_AVATARS && (
                                  <Tooltip
                                    label={team.members
                                      .slice(MAX_AVATARS)
                                      .map((m) => m.name)
                                      .join(', ')}
                                  >
                                    <Avatar size="sm" radius="xl">
                                      +{team.members.length - MAX_AVATARS}
                                    </Avatar>
                                  </Tooltip>
                                )}
                              </Avatar.Group>
                              <Text fz="sm" c="dimmed">
                                {team.members.length === 1 ? '1 member' : `${team.members.length} members`}
                              </Text>
                              {presence.data && (
                                <Group gap={4} wrap="nowrap">
                                  <PresenceDot status="online" />
                                  <Text fz="sm" c="dimmed">
                                    {team.members.filter((m) => presence.data.get(m.id) === 'online').length}{' '}
                                    online
                                  </Text>
                                </Group>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <EditDeleteActions
                              noun="team"
                              name={team.name}
                              onEdit={() => openEdit(team)}
                              onDelete={() => askDelete(team)}
                            />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableFrame>
              <LoadMore
                hasNextPage={teams.hasNextPage}
                isFetchingNextPage={teams.isFetchingNextPage}
                fetchNextPage={teams.fetchNextPage}
                shown={rows.length}
                noun="teams"
              />
            </>
          )}
        </Paper>
      </Stack>
      {canWrite && (
        <TeamFormModal team={editing} opened={modalOpened} onClose={() => setModalOpened(false)} />
      )}
    </>
  );
}
