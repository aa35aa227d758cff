import type { Macro, MacroActions, MacroVisibility } from '../../../contracts/macros';
import { unknownPlaceholders } from '../../../contracts/macros';
import type { CreateMacroBody } from './macros.queries';

/** "Leave as it is" in the selects of field changes. */
export const KEEP = 'keep';
/** "Take it away" (unassign, no team) in the selects of field changes. */
export const NONE = 'none';

/** The macro form's fields, as the inputs hold them. */
export interface MacroFormValues {
  name: string;
  description: string;
  body: string;
  internal: boolean;
  visibility: MacroVisibility;
  teamId: string | null;
  status: string;
  priority: string;
  type: string;
  assignee: string;
  actionTeam: string;
  addTags: string[];
  removeTags: string[];
}

export function initialMacroValues(macro: Macro | null, visibility: MacroVisibility): MacroFormValues {
  const a = macro?.actions ?? {};
  return {
    name: macro?.name ?? '',
    description: macro?.description ?? '',
    body: macro?.body ?? '',
    internal: macro?.internal ?? false,
    visibility: macro?.visibility ?? visibility,
    teamId: macro?.team ? String(macro.team.id) : null,
    status: a.status ?? KEEP,
    priority: a.priority ?? KEEP,
    type: a.type ?? KEEP,
    assignee: a.assignee === undefined ? KEEP : a.assignee === null ? NONE : String(a.assignee),
    actionTeam: a.teamId === undefined ? KEEP : a.teamId === null ? NONE : String(a.teamId),
    addTags: a.addTags ?? [],
    removeTags: a.removeTags ?? [],
  };
}

const choice = <T extends string>(value: string): T | undefined =>
  value === KEEP ? undefined : (value as T);
const idOrNull = (value: string) => (value === NONE ? null : Number(value));

/** The field changes the form describes; custom field changes made through the API are kept. */
export function actionsOf(v: MacroFormValues, kept: MacroActions = {}): MacroActions {
  const actions: MacroActions = {};
  const status = choice<NonNullable<MacroActions['status']>>(v.status);
  const priority = choice<NonNullable<MacroActions['priority']>>(v.priority);
  const type = choice<NonNullable<MacroActions['type']>>(v.type);
  if (status) actions.status = status;
  if (priority) actions.priority = priority;
  if (type) actions.type = type;
  if (v.assignee !== KEEP) actions.assignee = v.assignee === 'me' ? 'me' : idOrNull(v.assignee);
  if (v.actionTeam !== KEEP) actions.teamId = idOrNull(v.actionTeam);
  if (v.addTags.length > 0) actions.addTags = v.addTags;
  if (v.removeTags.length > 0) actions.removeTags = v.removeTags;
  if (kept.customFields) actions.customFields = kept.customFields;
  return actions;
}

export function macroBody(v: MacroFormValues, kept?: MacroActions): CreateMacroBody {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    body: v.body,
    internal: v.internal,
    visibility: v.visibility,
    teamId: v.visibility === 'team' && v.teamId ? Number(v.teamId) : null,
    actions: actionsOf(v, kept),
  };
}

export const macroValidation = {
  name: (value: string) => (value.trim() ? null : 'Give the macro a name'),
  body: (value: string) => {
    const unknown = unknownPlaceholders(value);
    return unknown.length > 0
      ? `Steward does not know ${unknown.map((u) => `{{${u}}}`).join(', ')}: pick a placeholder from the list`
      : null;
  },
  teamId: (value: string | null, v: MacroFormValues) =>
    v.visibility === 'team' && !value ? 'Choose the team that uses it' : null,
};

/** The field changes of a macro in a few words, for the list: "Pending · High · + refund". */
export function actionsSummary(actions: MacroActions, names: { team: (id: number) => string }): string[] {
  const words: string[] = [];
  const label = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replace('_', ' ');
  if (actions.status) words.push(`Status ${label(actions.status)}`);
  if (actions.priority) words.push(`Priority ${label(actions.priority)}`);
  if (actions.type) words.push(`Type ${label(actions.type)}`);
  if (actions.assignee === 'me') words.push('Assign to me');
  else if (actions.assignee === null) words.push('Unassign');
  else if (actions.assignee !== undefined) words.push('Assign');
  if (actions.teamId === null) words.push('No team');
  else if (actions.teamId !== undefined) words.push(`Team ${names.team(actions.teamId)}`);
  for (const tag of actions.addTags ?? []) words.push(`+${tag}`);
  for (const tag of actions.removeTags ?? []) words.push(`−${tag}`);
  for (const key of Object.keys(actions.customFields ?? {})) words.push(`Sets ${key}`);
  return words;
}
