import { ActionIcon, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { View } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { confirmAction } from '../../components/ConfirmButton';
import { useDeleteView } from '../tickets/tickets.queries';
import { DEFAULT_VIEW, viewPath } from './inbox.url';
import { EditViewModal } from './SaveViewModal';

/** Edit or delete a saved view. */
export function SavedViewMenu({ view, active }: { view: View; active: boolean }) {
  const me = useMe();
  const remove = useDeleteView();
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const mayEdit = !view.shared || can(me.role, 'views.share');
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Options for view ${view.name}`}>
            <IconDots size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {mayEdit && (
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={edit.open}>
              Edit view
            </Menu.Item>
          )}
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() =>
              confirmAction({
                title: `Delete the view “${view.name}”?`,
                message: view.shared
                  ? 'It disappears for everyone who uses it. The tickets stay as they are.'
                  : 'The tickets in it stay as they are.',
                confirmLabel: 'Delete view',
                danger: true,
                onConfirm: () =>
                  remove.mutate(view.id, {
                    onSuccess: () => {
                      notifySuccess(`“${view.name}” is gone.`, 'View deleted');
                      if (active) navigate(viewPath(DEFAULT_VIEW));
                    },
                    onError: (error) => notifyError(error),
                  }),
              })
            }
          >
            Delete view
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <EditViewModal view={view} opened={editing} onClose={edit.close} />
    </>
  );
}
