import {
  type SlaClock,
  type SlaEvent,
  type SlaEventType,
  type SlaMetric,
  type SlaPolicy,
  slaConditionsSchema,
  slaEventTypes,
  slaMetricLabels,
  slaMetrics,
  slaTargetsSchema,
} from '../../../contracts/sla';
import { parseStringList } from '../../platform/json';
import type { PolicyRow, SlaEventRow } from './sla.repository';
import type { Clock, PolicyRules } from './sla.rules';

// Rows of the sla tables to and from the rules' and the API's shapes.

const MINUTE = 60_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Parsed policies by row, kept while the row is unchanged: every ticket change reads them. */
const parsed = new Map<number, { stamp: string; rules: PolicyRules }>();

export function policyRules(row: PolicyRow): PolicyRules {
  const stamp = `${row.updated_at}|${row.active}|${row.position}`;
  const kept = parsed.get(row.id);
  if (kept?.stamp === stamp) return kept.rules;
  const conditions = slaConditionsSchema.safeParse(parseJson(row.conditions));
  const targets = slaTargetsSchema.safeParse(parseJson(row.targets));
  const rules: PolicyRules = {
    id: row.id,
    name: row.name,
    active: row.active === 1,
    // A row that no longer reads (edited by hand) matches nothing rather than everything.
    conditions: conditions.success ? conditions.data : { priority: [] },
    targets: targets.success ? targets.data : {},
    pauseOn: parseStringList(row.pause_on),
    calendarId: row.calendar_id,
    warnShare: row.warn_percent / 100,
    onBreach: { raisePriority: row.raise_priority === 1, escalateToTeamId: row.escalate_team_id },
  };
  if (!conditions.success) rules.active = false;
  if (parsed.size > 500) parsed.clear();
  parsed.set(row.id, { stamp, rules });
  return rules;
}

export function toPolicy(row: PolicyRow): SlaPolicy {
  const rules = policyRules(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    position: row.position,
    active: row.active === 1,
    conditions: rules.conditions,
    targets: rules.targets,
    calendar:
      row.calendar_id !== null && row.calendar_name ? { id: row.calendar_id, name: row.calendar_name } : null,
    pauseOn: rules.pauseOn.filter((s): s is 'pending' | 'on_hold' => s === 'pending' || s === 'on_hold'),
    warnAtPercent: row.warn_percent,
    onBreach: {
      raisePriority: row.raise_priority === 1,
      escalateToTeam:
        row.escalate_team_id !== null && row.team_name
          ? { id: row.escalate_team_id, name: row.team_name }
          : null,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const metricSet: ReadonlySet<string> = new Set(slaMetrics);

/** The clocks kept on a ticket_sla row (written only by this module). */
export function parseClocks(text: string): Clock[] {
  const value = parseJson(text);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is Clock =>
      typeof c === 'object' &&
      c !== null &&
      metricSet.has((c as Clock).metric) &&
      typeof (c as Clock).targetMs === 'number',
  );
}

export const writeClocks = (clocks: readonly Clock[]) => JSON.stringify(clocks);

export function toClock(c: Clock): SlaClock {
  return {
    metric: c.metric,
    state: c.stoppedAt !== null ? 'done' : c.runningSince !== null ? 'running' : 'paused',
    targetMinutes: Math.round(c.targetMs / MINUTE),
    businessHours: c.business,
    startedAt: iso(c.startedAt) ?? '',
    countedMinutes: Math.round(c.countedMs / MINUTE),
    runningSince: iso(c.runningSince),
    dueAt: iso(c.dueAt),
    warnAt: iso(c.warnAt),
    warnedAt: iso(c.warnedAt),
    breachedAt: iso(c.breachedAt),
    stoppedAt: iso(c.stoppedAt),
    outcome: c.outcome,
  };
}

const eventTypes: ReadonlySet<string> = new Set(slaEventTypes);
const outcomeWords: Record<string, string> = {
  achieved: 'met',
  breached: 'missed',
  breached_then_achieved: 'met late',
  cancelled: 'no longer needed',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' ? value : 0);

/** A duration in words: "90 min" reads as "1 h 30 min". */
export function durationWords(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const mins = totalMinutes % 60;
  const parts = [
    days ? `${days} d` : '',
    hours ? `${hours} h` : '',
    mins || totalMinutes === 0 ? `${mins} min` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Why a clock says what it says, one event in words. */
export function eventWords(
  type: SlaEventType,
  metric: SlaMetric | null,
  detail: Record<string, unknown>,
): string {
  const clock = metric ? slaMetricLabels[metric] : 'Service level';
  const target = `${durationWords(count(detail.targetMinutes))}${detail.businessHours === false ? ' around the clock' : detail.businessHours ? ' of business hours' : ''}`;
  switch (type) {
    case 'started':
      return `${clock} clock started: target ${target}`;
    case 'paused':
      return `${clock} clock paused: the ticket is ${text(detail.status).replace('_', ' ')}`;
    case 'resumed':
      return detail.reopened
        ? `${clock} clock resumed: the ticket was reopened`
        : `${clock} clock resumed: the ticket is ${text(detail.status).replace('_', ' ')}`;
    case 'retargeted':
      return `${clock} target changed from ${durationWords(count(detail.fromMinutes))} to ${durationWords(count(detail.toMinutes))}; time already counted is kept`;
    case 'policy_applied':
      return `Policy "${text(detail.to)}" applies`;
    case 'policy_changed':
      return `Policy changed from "${text(detail.from)}" to "${text(detail.to)}"`;
    case 'policy_removed':
      return `Policy "${text(detail.from)}" no longer applies`;
    case 'warned':
      return `${clock} is close to its target: the assignee was warned`;
    case 'breached':
      return detail.late
        ? `${clock} target was missed (found when the clock stopped)`
        : `${clock} target was missed`;
    case 'achieved':
    case 'stopped':
      return `${clock} ${outcomeWords[text(detail.outcome)] ?? 'stopped'} after ${durationWords(count(detail.countedMinutes))} of ${durationWords(count(detail.targetMinutes))}`;
    case 'escalated':
      return text(detail.what) || `${clock}: escalated`;
  }
}

export function toEvent(row: SlaEventRow): SlaEvent {
  const type = eventTypes.has(row.type) ? (row.type as SlaEventType) : 'stopped';
  const metric = row.metric && metricSet.has(row.metric) ? (row.metric as SlaMetric) : null;
  const detail = parseJson(row.detail);
  const fields = typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>) : {};
  return {
    id: row.id,
    type,
    metric,
    policy: row.policy_id !== null && row.policy_name ? { id: row.policy_id, name: row.policy_name } : null,
    detail: eventWords(type, metric, fields),
    at: row.at,
  };
}
