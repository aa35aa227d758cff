import { Anchor, Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarX, IconFileCertificate } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Contract } from '../../../contracts/service-contracts';
import {
  type ContractFlag,
  type FlagTone,
  statusColors,
  statusLabels,
  usagePercent,
  usageText,
} from './contractText';

/** The contract's state, and "Review due" beside it once the renewal review has come. */
export function ContractStatusBadges({ contract }: { contract: Pick<Contract, 'status' | 'reviewDue'> }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={statusColors[contract.status]} variant="light" tt="none">
        {statusLabels[contract.status]}
      </Badge>
      {contract.reviewDue && (
        <Badge color="orange" variant="outline" tt="none">
          Review due
        </Badge>
      )}
    </Group>
  );
}

/** This month's use of what the contract includes: a bar (red when past it) and the words. */
export function UsageMeter({ contract, width = 180 }: { contract: Contract; width?: number | string }) {
  const percent = usagePercent(contract);
  const text = usageText(contract);
  const over = contract.usage.over;
  return (
    <Stack gap={4} w={width} maw="100%">
      {percent !== null && (
        <Progress
          value={percent}
          color={over ? 'red' : percent >= 80 ? 'orange' : 'teal'}
          size="sm"
          aria-label={`Used this month: ${text}`}
        />
      )}
      <Text
        fz="xs"
        fw={over ? 600 : undefined}
        c={over ? undefined : 'dimmed'}
        style={over ? { color: toneColors.danger } : undefined}
      >
        {over ? `Over: ${text}` : text}
      </Text>
    </Stack>
  );
}

const toneColors: Record<FlagTone, string> = {
  danger: 'var(--steward-danger-text)',
  warning: 'var(--steward-warning-text)',
  quiet: 'var(--mantine-color-dimmed)',
};
const toneIcons = { danger: IconCalendarX, warning: IconAlertTriangle, quiet: IconFileCertificate };

/** A contract flag in one line: an icon and the words in the tone's colour; a link when given one. Inline, so it sits in running text. */
export function ContractFlagText({ flag, to }: { flag: ContractFlag; to?: string }) {
  const Icon = toneIcons[flag.tone];
  const color = toneColors[flag.tone];
  const words = (
    <Text span fz="xs" fw={flag.tone === 'quiet' ? 400 : 600} style={{ color }}>
      {flag.text}
    </Text>
  );
  return (
    <Box
      component="span"
      role={flag.tone === 'quiet' ? undefined : 'status'}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minWidth: 0, verticalAlign: 'middle' }}
    >
      <Icon size={14} color={color} aria-hidden style={{ flexShrink: 0 }} />
      {to ? (
        <Anchor component={Link} to={to} fz="xs" underline="hover" style={{ color }}>
          {words}
        </Anchor>
      ) : (
        words
      )}
    </Box>
  );
}
