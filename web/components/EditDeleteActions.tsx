import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

/** The edit and delete buttons at the end of a table row, labelled with what they act on. */
export function EditDeleteActions({
  noun,
  name,
  onEdit,
  onDelete,
}: {
  /** What the row is, for the tooltips: "team", "mailbox". */
  noun: string;
  /** The row's own name, for screen readers: "Edit Billing". */
  name: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={`Edit ${noun}`}>
        <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`Delete ${noun}`}>
        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${name}`} onClick={onDelete}>
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
