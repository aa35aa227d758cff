import { Box, Table } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { usePhone } from '../app/layout/screen';
import classes from './TableFrame.module.css';

interface TableFrameProps {
  /** The table's least width on a laptop; a narrower window scrolls it sideways inside the frame. */
  minWidth: number;
  children: ReactNode;
}

/**
 * Around a data table (`<Table>` with a `<Table.Thead>`). On a laptop the table keeps its
 * columns; on a phone each row becomes a card with each cell beside its column's name, so
 * nothing is wider than the screen.
 */
export function TableFrame({ minWidth, children }: TableFrameProps) {
  const phone = usePhone();
  const frame = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = frame.current;
    if (!phone || !element) return;
    nameCells(element);
    // Rows come and go (load more, filters): each new one is named too.
    const observer = new MutationObserver(() => nameCells(element));
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [phone]);

  if (!phone) return <Table.ScrollContainer minWidth={minWidth}>{children}</Table.ScrollContainer>;
  return (
    <Box ref={frame} className={classes.stacked}>
      {children}
    </Box>
  );
}

/**
 * Gives each body cell its column's name (`data-label`, shown by the stacked layout), except the
 * first, which heads the card, and cells across columns. The table roles are written out, as a
 * table laid out as blocks loses them in some screen readers.
 */
function nameCells(frame: HTMLElement): void {
  for (const table of frame.querySelectorAll('table')) {
    table.setAttribute('role', 'table');
    const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    for (const group of table.querySelectorAll('thead, tbody')) group.setAttribute('role', 'rowgroup');
    for (const header of table.querySelectorAll('thead th')) header.setAttribute('role', 'columnheader');
    for (const row of table.querySelectorAll('tr')) row.setAttribute('role', 'row');
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, index) => {
        cell.setAttribute('role', 'cell');
        const whole = cell instanceof HTMLTableCellElement && cell.colSpan === 1;
        const name = whole && index > 0 ? names[index] : '';
        if (name) cell.setAttribute('data-label', name);
        else cell.removeAttribute('data-label');
      });
    }
  }
}
