import { Box, Group, Text, Tooltip } from '@mantine/core';
import { type PresenceStatus, presenceLabels } from '../../../contracts/routing';

const colors: Record<PresenceStatus, string> = {
  online: 'var(--mantine-color-teal-6)',
  away: 'var(--mantine-color-yellow-6)',
  offline: 'var(--mantine-color-gray-5)',
};

/** A coloured dot for a presence, named for screen readers and on hover; `withLabel` writes the word too. */
export function PresenceDot({ status, withLabel = false }: { status: PresenceStatus; withLabel?: boolean }) {
  const dot = (
    <Box
      component="span"
      role="img"
      aria-label={presenceLabels[status]}
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: '50%',
        flex: 'none',
        background: status === 'offline' ? 'transparent' : colors[status],
        border: `2px solid ${colors[status]}`,
      }}
    />
  );
  if (!withLabel) return <Tooltip label={presenceLabels[status]}>{dot}</Tooltip>;
  return (
    <Group gap={6} wrap="nowrap">
      {dot}
      <Text fz="sm" c="dimmed" aria-hidden>
        {presenceLabels[status]}
      </Text>
    </Group>
  );
}
