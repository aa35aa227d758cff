import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

/** Back to the list of the customer's requests. */
export function PortalBackLink() {
  return (
    <Anchor component={Link} to="/portal" fz="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} /> Your requests
      </Group>
    </Anchor>
  );
}
