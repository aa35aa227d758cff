import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { View, ViewFilters } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { useCreateView } from '../tickets/tickets.queries';
import { type ChipFilters, viewPath } from './inbox.url';

interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  /** The view the filters were added to; its own filters and sort are kept. */
  baseView: View | undefined;
  filters: ChipFilters;
  hasSearch: boolean;
}

export function SaveViewModal({ opened, onClose, baseView, filters, hasSearch }: SaveViewModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Save current filters as a view">
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
  const create = useCreateView();
  const mayShare = can(me.role, 'views.share');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', shared: false },
    validate: { name: (value) => (value.trim() ? null : 'Give the view a name') },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const combined: ViewFilters = { ...(baseView?.filters ?? {}), ...filters };
    create.mutate(
      {
        name: values.name.trim(),
        shared: mayShare && values.shared,
        filters: combined,
        sort: baseView?.sort ?? { by: 'updated_at', dir: 'desc' },
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
          The new view starts from {baseView ? `“${baseView.name}”` : 'all tickets'} and adds the filters you
          picked.
          {hasSearch && ' Search words are not saved with a view.'}
        </Text>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        {mayShare && (
          <Checkbox
            label="Share with everyone"
            description="Shared views appear in every agent's list of views"
            {...form.getInputProps('shared', { type: 'checkbox' })}
          />
        )}
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
