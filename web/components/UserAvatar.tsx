import { Avatar, type MantineSize, Tooltip } from '@mantine/core';
import { initialsOf } from '../../contracts/text';

interface UserAvatarProps {
  name: string;
  initials?: string;
  size?: MantineSize | number;
  /** Show the name on hover, e.g. in a group of avatars. */
  withTooltip?: boolean;
}

export function UserAvatar({ name, initials, size = 'md', withTooltip = false }: UserAvatarProps) {
  const avatar = (
    <Avatar name={name} color="initials" size={size} radius="xl" alt={name}>
      {initials || initialsOf(name)}
    </Avatar>
  );
  return withTooltip ? <Tooltip label={name}>{avatar}</Tooltip> : avatar;
}
