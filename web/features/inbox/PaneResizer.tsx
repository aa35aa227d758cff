import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import type { PaneWidth } from './listPane';
import classes from './PaneResizer.module.css';

const STEP = 16;
const BIG_STEP = 64;

/**
 * The grip on the list pane's right edge (a window splitter): drag it, or focus it and press
 * the arrow keys (Shift for bigger steps), Home and End. The pane follows as it moves.
 */
export function PaneResizer({ pane, label }: { pane: PaneWidth; label: string }) {
  const [dragging, setDragging] = useState(false);
  const start = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    start.current = { x: event.clientX, width: pane.width };
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (start.current) pane.setWidth(start.current.width + event.clientX - start.current.x);
  };
  const onPointerUp = () => {
    start.current = null;
    setDragging(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next: Record<string, number> = {
      ArrowLeft: pane.width - step,
      ArrowRight: pane.width + step,
      Home: pane.min,
      End: pane.max,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    pane.setWidth(next[event.key]!);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot take focus or be dragged; a focusable separator is the window-splitter pattern
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={pane.min}
      aria-valuemax={pane.max}
      aria-valuenow={pane.width}
      tabIndex={0}
      className={classes.grip}
      data-dragging={dragging || undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
