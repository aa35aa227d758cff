import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { View, ViewFilters } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { columnsOf } from './columns';
import { type ChipFilters, viewPath } from './inbox.url';
import { columnsToSave, useViewForm, ViewFormFields } from './ViewFormFields';
import { useSaveView, useUpdateView } from './views.queries';

interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  /** The view the filters were added to; its own filters, sort and columns are kept. */
  baseView: View | undefined;
  filters: ChipFilters;
  hasSearch: boolean;
}

export function SaveViewModal({ opened, onClose, baseView, filters, hasSearch }: SaveViewModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Save as a view">
      {opened && (
        <SaveViewForm baseView={baseView} filters={filters} hasSearch={hasSearch} onDone={onClose} />
      )}
    </Modal>
  );
}

function SaveViewForm({
  baseView,
  filters,
  hasSearch,
  onDone,
}: {
  baseView: View | undefined;
  filters: ChipFilters;
  hasSearch: boolean;
  onDone: () => void;
}) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useSaveView();
  const mayShare = can(me.role, 'views.share');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useViewForm({ name: '', shared: false, columns: columnsOf(baseView) });
  const addsFilters = Object.keys(filters).length > 0;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const combined: ViewFilters = { ...(baseView?.filters ?? {}), ...filters };
    create.mutate(
      {
        name: values.name.trim(),
        shared: mayShare && values.shared,
        filters: combined,
        sort: baseView?.sort ?? { by: 'updated_at', dir: 'desc' },
        columns: columnsToSave(values.columns),
      },
      {
        onSuccess: (view) => {
          notifySuccess(`“${view.name}” is in your views.`, 'View saved');
          onDone();
          navigate(viewPath(view.id));
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="The view was not saved">
            {formError}
          </Alert>
        )}
        <Text fz="sm" c="dimmed">
          The new view starts from {baseView ? `“${baseView.name}”` : 'all tickets'}
          {addsFilters ? ' and adds the filters you picked.' : '.'}
          {hasSearch && ' Search words are not saved with a view.'}
        </Text>
        <ViewFormFields form={form} mayShare={mayShare} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save view
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface EditViewModalProps {
  view: View;
  opened: boolean;
  onClose: () => void;
}

/** Renames a saved view, shares it, or changes its columns; its filters stay as they are. */
export function EditViewModal({ view, opened, onClose }: EditViewModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit “${view.name}”`}>
      {opened && <EditViewForm view={view} onDone={onClose} />}
    </Modal>
  );
}

function EditViewForm({ view, onDone }: { view: View; onDone: () => void }) {
  const me = useMe();
  const update = useUpdateView(view.id);
  const mayShare = can(me.role, 'views.share');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useViewForm({ name: view.name, shared: view.shared, columns: columnsOf(view) });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      {
        name: values.name.trim(),
        columns: columnsToSave(values.columns),
        ...(mayShare ? { shared: values.shared } : {}),
      },
      {
        onSuccess: (saved) => {
          notifySuccess(`“${saved.name}” is saved.`, 'View changed');
          onDone();
        },
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="The view was not changed">
            {formError}
          </Alert>
        )}
        <ViewFormFields form={form} mayShare={mayShare} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
