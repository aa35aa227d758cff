import { ActionIcon, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';

const sameOrder = (a: number[], b: number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

function moved(ids: number[], from: number, to: number): number[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(to, 0, id);
  return next;
}

/**
 * An order of saved items (by id) that the user rearranges before saving it. A proposal stands
 * only while it names exactly the saved items: another manager may have added or removed one.
 */
export function useProposedOrder(saved: number[]) {
  const [proposed, setProposed] = useState<number[] | null>(null);
  const current =
    proposed && proposed.length === saved.length && proposed.every((id) => saved.includes(id))
      ? proposed
      : saved;
  return {
    current,
    changed: !sameOrder(current, saved),
    move(from: number, to: number) {
      if (to < 0 || to >= current.length || from === to) return;
      setProposed(moved(current, from, to));
    },
    reset: () => setProposed(null),
  };
}

/** Up and down buttons that move one item of an ordered list, named for screen readers. */
export function MoveButtons({
  name,
  index,
  count,
  onMove,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
}) {
  return (
    <>
      <Tooltip label="Move up">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
        >
          <IconArrowUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Move ${name} down`}
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
        >
          <IconArrowDown size={16} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
