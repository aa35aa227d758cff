import { Avatar, type MantineSize, Tooltip } from '@mantine/core';

interface UserAvatarProps {
  name: string;
  initials?: string;
  size?: MantineSize | number;
  /** Show the name on hover, e.g. in a group of avatars. */
  withTooltip?: boolean;
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

export function UserAvatar({ name, initials, size = 'md', withTooltip = false }: UserAvatarProps) {
  const avatar = (
    <Avatar name={name} color="initials" size={size} radius="xl" alt={name}>
      {initials || initialsOf(name)}
    </Avatar>
  );
  return withTooltip ? <Tooltip label={name}>{avatar}</Tooltip> : avatar;
}
