import { Button, Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Goal } from '../../../contracts/goals';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { useTeamOptions } from '../teams/teams.queries';
import { useStaffOptions } from '../users/users.queries';
import { GoalFormModal, type OwnerOptions, useAskDeleteGoal } from './GoalFormModal';
import { GoalGrid } from './GoalParts';
import { type GoalsFilter, useGoals, useLedTeams } from './goals.queries';

const statuses = ['active', 'ended', 'all'] as const;
const ownerKinds = ['all', 'department', 'team', 'agent'] as const;
const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : fallback;

/** What the signed-in person may keep: managers every goal; a lead their teams' and their members'. */
function useKeeping(): { owners: OwnerOptions | null; canKeep: (g: Goal) => boolean } {
  const me = useMe();
  const all = can(me.role, 'goals.all');
  const led = useLedTeams(me.id, !all);
  const teams = useTeamOptions(all);
  const staff = useStaffOptions(all);
  if (all)
    return {
      owners: {
        department: true,
        teams: teams.data ?? [],
        agents: (staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
      },
      canKeep: () => true,
    };
  const ledTeams = led.data ?? [];
  if (ledTeams.length === 0) return { owners: null, canKeep: () => false };
  const members = new Map(ledTeams.flatMap((t) => t.members.map((m) => [m.id, m.name] as const)));
  const teamIds = new Set(ledTeams.map((t) => t.id));
  return {
    owners: {
      department: false,
      teams: ledTeams.map((t) => ({ value: String(t.id), label: t.name })),
      agents: [...members].map(([id, name]) => ({ value: String(id), label: name })),
    },
    canKeep: (g) =>
      (g.owner.team !== null && teamIds.has(g.owner.team.id)) ||
      (g.owner.agent !== null && members.has(g.owner.agent.id)),
  };
}

/** Goals: the KPI targets of the department, the teams and the agents, with how each is going. */
export function GoalsPage() {
  usePageTitle('Goals');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = oneOf(statuses, params.get('status'), 'active');
  const owner = oneOf(ownerKinds, params.get('owner'), 'all');
  const teamId = Number(params.get('teamId'));
  const filter: GoalsFilter = {
    status,
    ...(owner !== 'all' ? { ownerKind: owner } : {}),
    ...(Number.isInteger(teamId) && teamId > 0 ? { teamId } : {}),
  };
  const goals = useGoals(filter);
  const teamOptions = useTeamOptions(can(me.role, 'goals.all'));
  const { owners, canKeep } = useKeeping();
  const [editing, setEditing] = useState<Goal | null | undefined>(undefined);
  const askDelete = useAskDeleteGoal();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === 'all' || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const addButton = owners && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
      New goal
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Goals"
        description="Targets on the KPIs for the department, teams and agents: progress over the part of the period gone, and whether each is on track."
        actions={addButton}
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label="Period"
            value={status}
            onChange={(v) => set('status', v === 'active' ? null : v)}
            data={[
              { value: 'active', label: 'Running' },
              { value: 'ended', label: 'Ended' },
              { value: 'all', label: 'All' },
            ]}
          />
          <SegmentedControl
            aria-label="Owner"
            value={owner}
            onChange={(v) => set('owner', v)}
            data={[
              { value: 'all', label: 'Everyone' },
              { value: 'department', label: 'Department' },
              { value: 'team', label: 'Teams' },
              { value: 'agent', label: 'Agents' },
            ]}
          />
          {can(me.role, 'goals.all') && (
            <Select
              aria-label="Team"
              placeholder="Any team"
              data={teamOptions.data ?? []}
              value={filter.teamId ? String(filter.teamId) : null}
              onChange={(v) => set('teamId', v)}
              clearable
              w={200}
            />
          )}
        </Group>
        <QueryList
          query={goals}
          loadingLabel="Loading goals"
          errorTitle="Goals could not be loaded"
          isEmpty={(goals.data ?? []).length === 0}
          empty={
            <EmptyState
              icon={<IconTargetArrow size={28} stroke={1.5} />}
              title="No goals here"
              description="A goal sets a target on a KPI (CSAT, first reply, service levels, tickets solved…) for a month, a quarter or chosen dates, for the department, a team or an agent."
              action={addButton}
            />
          }
        >
          <GoalGrid
            goals={goals.data ?? []}
            actionsOf={(g) =>
              canKeep(g) && (
                <EditDeleteActions
                  noun="goal"
                  name={g.name}
                  onEdit={() => setEditing(g)}
                  onDelete={() => askDelete(g)}
                />
              )
            }
          />
        </QueryList>
      </Stack>
      {owners && (
        <GoalFormModal
          goal={editing ?? null}
          opened={editing !== undefined}
          owners={owners}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
