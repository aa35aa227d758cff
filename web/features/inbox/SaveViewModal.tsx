import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { View, ViewFilters, ViewSort } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { type ColumnKey, columnsOf, sortOf } from './columns';
import { type ChipFilters, viewPath } from './inbox.url';
import { columnsToSave, useViewForm, ViewFormFields } from './ViewFormFields';
import { useSaveView, useUpdateView } from './views.queries';

interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  /** The view the filters were added to; its own filters, sort and columns are kept unless chosen over. */
  baseView: View | undefined;
  filters: ChipFilters;
  /** A sort and columns chosen in the list, over the view's own. */
  sort: ViewSort | null;
  columns: ColumnKey[] | null;
  hasSearch: boolean;
}

export function SaveViewModal({ opened, onClose, ...props }: SaveViewModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Save as a view">
      {opened && <SaveViewForm {...props} onDone={onClose} />}
    </Modal>
  );
}

/** Whether this agent may change a saved view: their own, or a shared one with the right to share. */
function mayChange(view: View | undefined, role: Parameters<typeof can>[0]): view is View {
  return view !== undefined && !view.builtIn && (!view.shared || can(role, 'views.share'));
}

function SaveViewForm({
  baseView,
  filters,
  sort,
  columns,
  hasSearch,
  onDone,
}: Omit<SaveViewModalProps, 'opened' | 'onClose'> & { onDone: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const create = useSaveView();
  const update = useUpdateView(baseView?.id ?? '');
  const mayShare = can(me.role, 'views.share');
  const changeable = mayChange(baseView, me.role);
  const [target, setTarget] = useState<'new' | 'this'>('new');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useViewForm({
    name: '',
    shared: false,
    columns: columns ?? columnsOf(baseView),
    sort: sortOf(sort, baseView),
  });
  const addsFilters = Object.keys(filters).length > 0;
  const onError = (error: unknown) => setFormError(applyServerErrors(form, error));
  const saved = (view: View, message: string) => {
    notifySuccess(message, 'View saved');
    onDone();
    navigate(viewPath(view.id));
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = {
      name: values.name.trim(),
      filters: { ...(baseView?.filters ?? {}), ...filters } satisfies ViewFilters,
      sort: values.sort,
      columns: columnsToSave(values.columns),
    };
    if (target === 'this' && changeable)
      update.mutate(body, { onSuccess: (view) => saved(view, `“${view.name}” is changed.`), onError });
    else
      create.mutate(
        { ...body, shared: mayShare && values.shared },
        { onSuccess: (view) => saved(view, `“${view.name}” is in your views.`), onError },
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
        {changeable && (
          <Radio.Group
            label="Save"
            value={target}
            onChange={(value) => {
              const next = value === 'this' ? 'this' : 'new';
              setTarget(next);
              form.setFieldValue('name', next === 'this' ? baseView.name : '');
            }}
          >
            <Stack gap={6} mt={6}>
              <Radio value="new" label="As a new view" />
              <Radio value="this" label={`Into “${baseView.name}”`} />
            </Stack>
          </Radio.Group>
        )}
        <Text fz="sm" c="dimmed">
          {target === 'this'
            ? `“${baseView?.name}” keeps its filters${addsFilters ? ' and adds the ones you picked' : ''}, and takes these columns and this order.`
            : `The new view starts from ${baseView ? `“${baseView.name}”` : 'all tickets'}${addsFilters ? ' and adds the filters you picked' : ''}.`}
          {hasSearch && ' Search words are not saved with a view.'}
        </Text>
        <ViewFormFields form={form} mayShare={mayShare && target === 'new'} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {target === 'this' ? 'Save changes' : 'Save view'}
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

/** Renames a saved view, shares it, or changes its columns and order; its filters stay as they are. */
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
  const form = useViewForm({
    name: view.name,
    shared: view.shared,
    columns: columnsOf(view),
    sort: view.sort,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      {
        name: values.name.trim(),
        columns: columnsToSave(values.columns),
        sort: values.sort,
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
