import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePhone } from '../app/layout/screen';
import { TitleRow } from './TitleRow';

export interface Crumb {
  label: string;
  to?: string;
}

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  breadcrumbs?: Crumb[];
  /** Shown before the title, e.g. an avatar. */
  leading?: ReactNode;
}

/** A page's breadcrumbs, title and actions; on a phone the actions go under the title. */
export function PageHeader({ title, description, actions, breadcrumbs, leading }: PageHeaderProps) {
  const phone = usePhone();
  return (
    <Stack gap="xs" mb="lg">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <Breadcrumbs aria-label="Breadcrumb" fz="sm" miw={0}>
          {breadcrumbs.map((crumb) =>
            crumb.to ? (
              <Anchor key={crumb.label} component={Link} to={crumb.to} fz="sm" truncate="end" miw={0}>
                {crumb.label}
              </Anchor>
            ) : (
              <Text key={crumb.label} fz="sm" c="dimmed" truncate="end" miw={0}>
                {crumb.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}
      <TitleRow actions={actions}>
        <Group gap="md" wrap="nowrap" miw={0}>
          {leading}
          <Stack gap={4} miw={0}>
            <Title order={1} fz="h2" lineClamp={phone ? 2 : 1} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {description && (
              <Text c="dimmed" fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {description}
              </Text>
            )}
          </Stack>
        </Group>
      </TitleRow>
    </Stack>
  );
}
