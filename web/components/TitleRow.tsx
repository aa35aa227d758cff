import { Flex, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePhone } from '../app/layout/screen';

interface TitleRowProps {
  /** The title block: a heading, perhaps with an avatar or a description. */
  children: ReactNode;
  actions?: ReactNode;
}

/** A title with its actions beside it; on a phone the actions go under the title, so neither is squeezed. */
export function TitleRow({ children, actions }: TitleRowProps) {
  const phone = usePhone();
  return (
    <Flex
      direction={phone ? 'column' : 'row'}
      justify="space-between"
      align={phone ? 'stretch' : 'flex-start'}
      gap="md"
    >
      {children}
      {actions && (
        <Group gap="sm" wrap={phone ? 'wrap' : 'nowrap'} style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      )}
    </Flex>
  );
}
