import { Menu } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { presenceLabels, presenceStatuses } from '../../../contracts/routing';
import { notifyError } from '../../app/notify';
import { PresenceDot } from './PresenceDot';
import { useMyPresence, useSetPresence } from './routing.queries';

/** The presence switch in the account menu: online, away or offline, the current one checked. */
export function PresenceMenuItems() {
  const presence = useMyPresence();
  const set = useSetPresence();
  const current = presence.data?.status;
  return (
    <>
      <Menu.Label>Status</Menu.Label>
      {presenceStatuses.map((status) => (
        <Menu.Item
          key={status}
          leftSection={<PresenceDot status={status} />}
          rightSection={current === status ? <IconCheck size={14} aria-label="current" /> : null}
          aria-current={current === status ? 'true' : undefined}
          onClick={() => {
            if (status !== current)
              set.mutate(status, { onError: (error) => notifyError(error, 'Your status did not change') });
          }}
        >
          {presenceLabels[status]}
        </Menu.Item>
      ))}
    </>
  );
}

/** My presence as a dot (beside my avatar in the header). */
export function MyPresenceDot() {
  const presence = useMyPresence();
  return presence.data ? <PresenceDot status={presence.data.status} /> : null;
}
