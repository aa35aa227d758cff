import { Button, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';

/** The placeholders a template offers; each click puts `{{name}}` where the cursor was. */
export function PlaceholderChips({
  placeholders,
  onInsert,
}: {
  placeholders: string[];
  onInsert: (name: string) => void;
}) {
  const labelId = useId();
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={500} id={labelId}>
        Placeholders{' '}
        <Text span fz="xs" c="dimmed" fw={400}>
          — click one to insert it at the cursor
        </Text>
      </Text>
      <Group gap={6} role="group" aria-labelledby={labelId}>
        {placeholders.map((name) => (
          <Button
            key={name}
            size="compact-xs"
            variant="light"
            color="gray"
            radius="xl"
            ff="monospace"
            fw={500}
            aria-label={`Insert {{${name}}}`}
            // Keeps the cursor in the field being edited, so the text goes where it was.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onInsert(name)}
          >
            {`{{${name}}}`}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
