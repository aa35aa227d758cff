import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { TitleRow } from './TitleRow';

interface SectionCardProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled panel on a page. */
export function SectionCard({ title, description, actions, children }: SectionCardProps) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={title}>
      <Stack gap="md">
        <TitleRow actions={actions}>
          <Stack gap={2}>
            <Title order={2} fz="h4">
              {title}
            </Title>
            {description && (
              <Text c="dimmed" fz="sm">
                {description}
              </Text>
            )}
          </Stack>
        </TitleRow>
        {children}
      </Stack>
    </Paper>
  );
}
