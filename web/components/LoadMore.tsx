import { Button, Center, Text } from '@mantine/core';

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** How many rows are shown, to say so at the end of the list. */
  shown: number;
  noun?: string;
  nounSingular?: string;
}

/** "Load more" for cursor pages, and a quiet end-of-list line. */
export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  shown,
  noun = 'items',
  nounSingular = noun.replace(/s$/, ''),
}: LoadMoreProps) {
  return (
    <Center py="md">
      {hasNextPage ? (
        <Button variant="default" onClick={() => fetchNextPage()} loading={isFetchingNextPage}>
          Load more
        </Button>
      ) : (
        <Text c="dimmed" fz="xs">
          {shown === 1 ? `1 ${nounSingular}` : `${shown} ${noun}`} shown — that's all
        </Text>
      )}
    </Center>
  );
}
