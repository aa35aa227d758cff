import type { SlaPolicy, SlaTarget, SlaTargets } from '../../../contracts/sla';
import { type SlaMetric, slaMetrics } from '../../../contracts/sla-summary';
import { ticketPriorities } from '../../../contracts/tickets';
import type { SlaPolicyBody } from './sla.queries';

type Priority = (typeof ticketPriorities)[number];

/** One target as typed: hours and minutes, either may be left empty; both empty means no target. */
export interface TargetInput {
  hours: number | string;
  minutes: number | string;
  businessHours: boolean;
}

/** The form's fields carry the body's names, so the server's field errors land on them. */
export interface PolicyFormValues {
  name: string;
  description: string;
  active: boolean;
  conditions: {
    priority: string[];
    type: string[];
    channel: string[];
    teamId: string[];
    organizationId: string[];
    categoryId: string[];
    plan: string[];
    tags: string[];
  };
  targets: Record<Priority, Record<SlaMetric, TargetInput>>;
  /** "default" or a calendar's id. */
  calendarId: string;
  pauseOn: string[];
  warnAtPercent: number | string;
  onBreach: { raisePriority: boolean; escalateToTeamId: string | null };
}

export const DEFAULT_CALENDAR = 'default';

const emptyTarget = (): TargetInput => ({ hours: '', minutes: '', businessHours: true });

function targetInput(target: SlaTarget | undefined): TargetInput {
  if (!target) return emptyTarget();
  const hours = Math.floor(target.minutes / 60);
  const minutes = target.minutes % 60;
  // "2 h" reads as 2 and an empty minutes field; "10 min" as an empty hours field and 10.
  return { hours: hours || '', minutes: minutes || '', businessHours: target.businessHours };
}

const whole = (value: number | string): number => {
  const n = typeof value === 'number' ? value : value.trim() === '' ? 0 : Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

/** The minutes a typed target allows; 0 when nothing was typed. */
export const targetMinutes = (input: TargetInput): number => whole(input.hours) * 60 + whole(input.minutes);

const strings = (values: readonly (string | number)[] | undefined) => (values ?? []).map(String);

export function policyFormValues(policy: SlaPolicy | null): PolicyFormValues {
  const c = policy?.conditions ?? {};
  const targets = Object.fromEntries(
    ticketPriorities.map((priority) => [
      priority,
      Object.fromEntries(slaMetrics.map((m) => [m, targetInput(policy?.targets[priority]?.[m])])),
    ]),
  ) as PolicyFormValues['targets'];
  return {
    name: policy?.name ?? '',
    description: policy?.description ?? '',
    active: policy?.active ?? true,
    conditions: {
      priority: strings(c.priority),
      type: strings(c.type),
      channel: strings(c.channel),
      teamId: strings(c.teamId),
      organizationId: strings(c.organizationId),
      categoryId: strings(c.categoryId),
      plan: c.plan ?? [],
      tags: c.tags ?? [],
    },
    targets,
    calendarId: policy?.calendar ? String(policy.calendar.id) : DEFAULT_CALENDAR,
    pauseOn: policy?.pauseOn ?? ['pending', 'on_hold'],
    warnAtPercent: policy?.warnAtPercent ?? 75,
    onBreach: {
      raisePriority: policy?.onBreach.raisePriority ?? false,
      escalateToTeamId: policy?.onBreach.escalateToTeam ? String(policy.onBreach.escalateToTeam.id) : null,
    },
  };
}

/** The targets typed into the grid; cells left empty have no target. */
export function targetsOf(values: PolicyFormValues['targets']): SlaTargets {
  const targets: SlaTargets = {};
  for (const priority of ticketPriorities) {
    const row: Partial<Record<SlaMetric, SlaTarget>> = {};
    for (const metric of slaMetrics) {
      const input = values[priority][metric];
      const minutes = targetMinutes(input);
      if (minutes > 0) row[metric] = { minutes, businessHours: input.businessHours };
    }
    if (Object.keys(row).length > 0) targets[priority] = row;
  }
  return targets;
}

const ids = (values: string[]) => values.map(Number).filter((n) => Number.isInteger(n) && n > 0);

/** The request body for the form's values: only the conditions that were given. */
export function policyBody(values: PolicyFormValues): SlaPolicyBody {
  const c = values.conditions;
  const conditions: SlaPolicyBody['conditions'] = {};
  if (c.priority.length) conditions.priority = c.priority as NonNullable<typeof conditions.priority>;
  if (c.type.length) conditions.type = c.type as NonNullable<typeof conditions.type>;
  if (c.channel.length) conditions.channel = c.channel as NonNullable<typeof conditions.channel>;
  if (c.teamId.length) conditions.teamId = ids(c.teamId);
  if (c.organizationId.length) conditions.organizationId = ids(c.organizationId);
  if (c.categoryId.length) conditions.categoryId = ids(c.categoryId);
  const plan = c.plan.map((p) => p.trim()).filter(Boolean);
  if (plan.length) conditions.plan = plan;
  const tags = c.tags.map((t) => t.trim()).filter(Boolean);
  if (tags.length) conditions.tags = tags;
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    active: values.active,
    conditions,
    targets: targetsOf(values.targets),
    calendarId: values.calendarId === DEFAULT_CALENDAR ? null : Number(values.calendarId),
    pauseOn: values.pauseOn as NonNullable<SlaPolicyBody['pauseOn']>,
    warnAtPercent: whole(values.warnAtPercent),
    onBreach: {
      raisePriority: values.onBreach.raisePriority,
      escalateToTeamId: values.onBreach.escalateToTeamId ? Number(values.onBreach.escalateToTeamId) : null,
    },
  };
}

/**
 * "4 h", "1 h 30 min", "2 d 3 h": a target's length. Business hours are counted in hours: a
 * business day is as long as the calendar says, so "2 d" would mislead.
 */
export function durationText(minutes: number, { businessHours = false } = {}): string {
  const days = businessHours ? 0 : Math.floor(minutes / 1440);
  const hours = Math.floor((minutes - days * 1440) / 60);
  const mins = minutes % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', mins ? `${mins} min` : ''];
  return parts.filter(Boolean).join(' ') || '0 min';
}

/** "4 h in business hours", "30 min around the clock". */
export const targetText = (target: { minutes: number; businessHours: boolean }): string =>
  `${durationText(target.minutes, target)} ${target.businessHours ? 'in business hours' : 'around the clock'}`;
