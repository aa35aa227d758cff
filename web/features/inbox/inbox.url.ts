import { useCallback, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { sortKeys, type ViewFilters, type ViewSort, viewFilters } from '../../../contracts/tickets';
import { type ColumnKey, isColumnKey } from './columns';

export const DEFAULT_VIEW = 'my-open';

/** The filters the Inbox's chips set, on top of the view's own: any a view can hold. */
export type ChipFilters = ViewFilters;

type FilterKey = keyof ViewFilters;
const filterShape = viewFilters.shape;

/** Whether a filter's value narrows anything: empty lists and objects do not. */
function isSet(value: unknown): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return true;
}

/** The address's filters: each one the contract accepts is kept, the others are dropped. */
function parseFilters(raw: string | null): ChipFilters {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const whole = viewFilters.safeParse(value);
  if (whole.success) return compactFilters(whole.data);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!Object.hasOwn(filterShape, key)) continue;
    const parsed = filterShape[key as FilterKey].safeParse(item);
    if (parsed.success) result[key] = parsed.data;
  }
  const checked = viewFilters.safeParse(result);
  return checked.success ? compactFilters(checked.data) : {};
}

/** Drops filters that narrow nothing, so "no filter" is always `{}`. */
export function compactFilters(filters: ChipFilters): ChipFilters {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) if (isSet(value)) result[key] = value;
  return result as ChipFilters;
}

/** `priority:desc` in the address: a sort chosen in the list, over the view's own. */
function parseSort(raw: string | null): ViewSort | null {
  const [by, dir] = (raw ?? '').split(':');
  if (!by || !(sortKeys as readonly string[]).includes(by)) return null;
  if (dir !== 'asc' && dir !== 'desc') return null;
  return { by: by as ViewSort['by'], dir };
}

/** `id,subject,status` in the address: columns chosen in the list, over the view's own. */
function parseColumns(raw: string | null): ColumnKey[] | null {
  const columns = [...new Set((raw ?? '').split(',').filter(isColumnKey))];
  return columns.length > 0 ? columns : null;
}

/** Where the Inbox is: the view, the open ticket, the search words, the filters, and any sort and columns chosen in the list. */
export function useInboxLocation() {
  const params = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const viewId = params.viewId ?? null;
  const ticketParam = params.ticketId ? Number(params.ticketId) : null;
  const ticketId =
    ticketParam !== null && Number.isInteger(ticketParam) && ticketParam > 0 ? ticketParam : null;
  const q = searchParams.get('q') ?? '';
  const rawFilters = searchParams.get('f');
  const filters = useMemo(() => parseFilters(rawFilters), [rawFilters]);
  const rawSort = searchParams.get('s');
  const sort = useMemo(() => parseSort(rawSort), [rawSort]);
  const rawColumns = searchParams.get('c');
  const columns = useMemo(() => parseColumns(rawColumns), [rawColumns]);

  /** Sets one parameter of the address (none: removes it), keeping the others. */
  const setParam = useCallback(
    (name: string, value: string | null) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const setQ = useCallback((value: string) => setParam('q', value.trim() ? value : null), [setParam]);
  const setFilters = useCallback(
    (value: ChipFilters) => {
      const compact = compactFilters(value);
      setParam('f', Object.keys(compact).length > 0 ? JSON.stringify(compact) : null);
    },
    [setParam],
  );
  const setSort = useCallback(
    (value: ViewSort | null) => setParam('s', value ? `${value.by}:${value.dir}` : null),
    [setParam],
  );
  const setColumns = useCallback(
    (value: readonly ColumnKey[] | null) => setParam('c', value?.length ? value.join(',') : null),
    [setParam],
  );

  return {
    viewId,
    ticketId,
    q,
    filters,
    sort,
    columns,
    setQ,
    setFilters,
    setSort,
    setColumns,
    search: searchParams.toString(),
  };
}

/** The address of a ticket in a view, keeping the search and filters. */
export function ticketPath(viewId: string, ticketId: number, search = ''): string {
  return `/inbox/${encodeURIComponent(viewId)}/tickets/${ticketId}${search ? `?${search}` : ''}`;
}

export function viewPath(viewId: string, search = ''): string {
  return `/inbox/${encodeURIComponent(viewId)}${search ? `?${search}` : ''}`;
}
