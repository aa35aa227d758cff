import { defaultTicketColumns, type SortKey, type View, type ViewSort } from '../../../contracts/tickets';

export type ColumnKey = View['columns'][number];

/** What each column is called in pickers, tooltips and screen-reader labels. */
export const columnLabels: Record<ColumnKey, string> = {
  id: 'Number',
  subject: 'Subject',
  requester: 'Requester',
  organization: 'Organisation',
  status: 'Status',
  priority: 'Priority',
  type: 'Type',
  channel: 'Channel',
  assignee: 'Assignee',
  team: 'Team',
  category: 'Category',
  tags: 'Tags',
  due_at: 'Due',
  sla: 'Service level',
  created_at: 'Created',
  updated_at: 'Updated',
};

/** The columns of a list whose view has none of its own. */
export const defaultColumns: readonly ColumnKey[] = defaultTicketColumns;

/** Every column, in the order the contract lists them. */
export const allColumns = Object.keys(columnLabels) as ColumnKey[];

export const columnOptions = allColumns.map((value) => ({ value, label: columnLabels[value] }));

export function isColumnKey(value: string): value is ColumnKey {
  return Object.hasOwn(columnLabels, value);
}

/** The columns a view lays its list out by, in its order, without repeats. */
export function columnsOf(view: Pick<View, 'columns'> | undefined): ColumnKey[] {
  const chosen = view?.columns.filter(isColumnKey) ?? [];
  return [...new Set(chosen.length > 0 ? chosen : defaultColumns)];
}

/** Badges sit at the end of the details line; times in the title line's corner. */
export const badgeColumns: ReadonlySet<ColumnKey> = new Set(['status', 'priority']);
const timeColumns: ReadonlySet<ColumnKey> = new Set(['updated_at', 'created_at']);

export interface RowLayout {
  /** Shows the ticket number before the subject. */
  withId: boolean;
  /** The first chosen time, at the end of the title line. */
  corner: ColumnKey | null;
  /** Everything else but the badges, in the view's order. */
  details: ColumnKey[];
  badges: ColumnKey[];
}

/** Where each chosen column goes in a list row. The subject always leads: it names the ticket. */
export function rowLayout(columns: readonly ColumnKey[]): RowLayout {
  const corner = columns.find((c) => timeColumns.has(c)) ?? null;
  return {
    withId: columns.includes('id'),
    corner,
    // The service-level clock leads the details: a compact row keeps it on its one line.
    details: columns
      .filter((c) => c !== 'id' && c !== 'subject' && c !== corner && !badgeColumns.has(c))
      .sort((a, b) => Number(b === 'sla') - Number(a === 'sla')),
    badges: columns.filter((c) => badgeColumns.has(c)),
  };
}

/** The columns a list can be sorted by, with the sort key each stands for. */
const sortKeysByColumn: Partial<Record<ColumnKey, SortKey>> = {
  id: 'id',
  status: 'status',
  priority: 'priority',
  due_at: 'due_at',
  sla: 'sla_due_at',
  created_at: 'created_at',
  updated_at: 'updated_at',
};

export function sortKeyOf(column: ColumnKey): SortKey | null {
  return sortKeysByColumn[column] ?? null;
}

/** What each sort is called in the view form. */
export const sortLabels: Record<SortKey, string> = {
  updated_at: 'Last change',
  created_at: 'Created',
  priority: 'Priority',
  status: 'Status',
  due_at: 'Due date',
  sla_due_at: 'Breaches next',
  id: 'Number',
};

export const sortOptions = (Object.keys(sortLabels) as SortKey[]).map((value) => ({
  value,
  label: sortLabels[value],
}));

/** The order a first click on a column's header sorts by: most pressing, newest or soonest first. */
export function firstSortOf(by: SortKey): ViewSort {
  return { by, dir: by === 'due_at' || by === 'sla_due_at' || by === 'status' ? 'asc' : 'desc' };
}

/** The list's sort: the one chosen in the list, else the view's, else the newest change first. */
export function sortOf(chosen: ViewSort | null, view: Pick<View, 'sort'> | undefined): ViewSort {
  return chosen ?? view?.sort ?? { by: 'updated_at', dir: 'desc' };
}
