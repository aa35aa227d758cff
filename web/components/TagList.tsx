import { Badge, type BadgeProps, Group, Text } from '@mantine/core';

interface TagListProps {
  tags: string[];
  size?: BadgeProps['size'];
  /** Shown when there are no tags; nothing by default. */
  empty?: string;
}

/** Tags as quiet badges. */
export function TagList({ tags, size = 'sm', empty }: TagListProps) {
  if (tags.length === 0) {
    return empty ? (
      <Text fz="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Group gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} variant="default" size={size} tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
