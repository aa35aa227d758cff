import { Center, Group, Loader, Skeleton, Stack } from '@mantine/core';

interface LoadingStateProps {
  /** `table`: rows of placeholders; `page`: a spinner filling the area; `block`: a few text lines. */
  variant?: 'table' | 'page' | 'block';
  rows?: number;
  label?: string;
}

export function LoadingState({ variant = 'table', rows = 6, label = 'Loading' }: LoadingStateProps) {
  if (variant === 'page') {
    return (
      <Center mih="60vh" role="status" aria-label={label}>
        <Loader />
      </Center>
    );
  }
  if (variant === 'block') {
    return (
      <Stack gap="sm" role="status" aria-label={label}>
        <Skeleton h={14} w="40%" />
        <Skeleton h={14} w="80%" />
        <Skeleton h={14} w="65%" />
      </Stack>
    );
  }
  return (
    <Stack gap="md" role="status" aria-label={label} py="xs">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Group key={i} gap="md" wrap="nowrap">
          <Skeleton h={32} w={32} circle />
          <Skeleton h={12} w="25%" />
          <Skeleton h={12} w="15%" />
          <Skeleton h={12} w="20%" />
          <Skeleton h={12} w="10%" />
        </Group>
      ))}
    </Stack>
  );
}
