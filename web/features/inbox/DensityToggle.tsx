import { ActionIcon, Tooltip } from '@mantine/core';
import { IconBaselineDensityMedium, IconBaselineDensitySmall } from '@tabler/icons-react';
import type { Density } from './density';

interface DensityToggleProps {
  density: Density;
  onChange: (density: Density) => void;
}

/** Switches the ticket list between comfortable and compact rows; pressed means compact. */
export function DensityToggle({ density, onChange }: DensityToggleProps) {
  const compact = density === 'compact';
  const Icon = compact ? IconBaselineDensitySmall : IconBaselineDensityMedium;
  return (
    <Tooltip
      label={compact ? 'Compact rows (click for comfortable)' : 'Comfortable rows (click for compact)'}
    >
      <ActionIcon
        variant={compact ? 'light' : 'default'}
        aria-label="Compact rows"
        aria-pressed={compact}
        onClick={() => onChange(compact ? 'comfortable' : 'compact')}
      >
        <Icon size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
