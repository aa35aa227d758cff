import { useLocalStorage, useViewportSize } from '@mantine/hooks';
import { useMe } from '../../app/session';

/** How the ticket list shows tickets: rows of cards, or a table with a column each. */
export type ListMode = 'cards' | 'table';

const MODE_KEY = 'steward.inbox.listMode.v1';
const WIDTH_KEY = 'steward.inbox.listWidth.v1';

/** Widths of the list pane in pixels: a table starts wider than cards. */
export const paneWidths: Record<ListMode, { initial: number; min: number }> = {
  cards: { initial: 370, min: 300 },
  table: { initial: 720, min: 420 },
};
/** Room left for the open ticket, whatever the list's width. */
const TICKET_MIN = 420;

const toMode = (raw: string | undefined): ListMode => (raw === 'table' ? 'table' : 'cards');

/** The signed-in agent's list mode, kept in this browser. */
export function useListMode(): [ListMode, (mode: ListMode) => void] {
  const me = useMe();
  const [mode, setMode] = useLocalStorage<ListMode>({
    key: `${MODE_KEY}.${me.id}`,
    defaultValue: 'cards',
    getInitialValueInEffect: false,
    serialize: (value) => value,
    deserialize: toMode,
  });
  return [mode, setMode];
}

export interface PaneWidth {
  width: number;
  min: number;
  max: number;
  setWidth: (width: number) => void;
}

/**
 * The list pane's width for a mode, as the agent last dragged it (kept in this browser), within
 * what the window leaves beside it (`besides`: the views pane, when shown).
 */
export function useListWidth(mode: ListMode, besides: number): PaneWidth {
  const me = useMe();
  const { width: viewport } = useViewportSize();
  const { initial, min } = paneWidths[mode];
  const [stored, setStored] = useLocalStorage<number>({
    key: `${WIDTH_KEY}.${mode}.${me.id}`,
    defaultValue: initial,
    getInitialValueInEffect: false,
    serialize: String,
    deserialize: (raw) => (raw && Number.isFinite(Number(raw)) ? Number(raw) : initial),
  });
  // Before the first measure (and in tests) the viewport reads 0: then no upper bound but the min.
  const max = Math.max(min, viewport > 0 ? viewport - besides - TICKET_MIN : Number.MAX_SAFE_INTEGER);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  return { width: clamp(stored), min, max, setWidth: (value) => setStored(clamp(value)) };
}
