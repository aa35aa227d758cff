import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive, IconArchiveOff, IconDots, IconForms, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomField } from '../../../contracts/tickets';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import {
  type CustomFieldType,
  customFieldTypeLabels,
  customFieldTypeOptions,
  isTicketType,
  typeLabels,
  typeOptions,
} from '../../app/ticketLabels';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { TableFrame } from '../../components/TableFrame';
import { useCreateCustomField, useCustomFields, useUpdateCustomField } from './ticket-fields.queries';

type Editing = { mode: 'create' } | { mode: 'edit'; field: CustomField };

export function CustomFieldsCard() {
  const fields = useCustomFields();
  const update = useUpdateCustomField();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const all = (fields.data ?? []).slice().sort((a, b) => a.position - b.position || a.id - b.id);
  const shown = showArchived ? all : all.filter((f) => !f.archived);
  const archivedCount = all.filter((f) => f.archived).length;

  const setArchived = (field: CustomField, archived: boolean) =>
    update.mutate(
      { id: field.id, body: { archived } },
      {
        onSuccess: () =>
          notifySuccess(
            archived
              ? `“${field.label}” no longer shows on tickets. Saved values stay.`
              : `“${field.label}” is back.`,
            archived ? 'Field archived' : 'Field restored',
          ),
        onError: (error) => notifyError(error),
      },
    );

  return (
    <SectionCard
      title="Custom fields"
      description="Extra details agents fill in on tickets, for all ticket types or only some."
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'create' })}>
          New field
        </Button>
      }
    >
      {fields.isPending ? (
        <LoadingState label="Loading custom fields" rows={3} />
      ) : fields.isError ? (
        <ErrorState
          error={fields.error}
          title="Custom fields could not be loaded"
          onRetry={() => void fields.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconForms size={22} stroke={1.5} />}
          title="No custom fields yet"
          description="Add a field such as “Order number” or “Device model” for agents to fill in."
          action={
            <Button variant="default" onClick={() => setEditing({ mode: 'create' })}>
              Add the first field
            </Button>
          }
        />
      ) : (
        <Stack gap="xs">
          {archivedCount > 0 && (
            <Switch
              label={`Show archived (${archivedCount})`}
              checked={showArchived}
              onChange={(event) => setShowArchived(event.currentTarget.checked)}
            />
          )}
          <TableFrame minWidth={720}>
            <Table aria-label="Custom fields" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Label</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Ticket types</Table.Th>
                  <Table.Th>Required</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((field) => (
                  <Table.Tr key={field.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Stack gap={0}>
                          <Text fz="sm" fw={500} c={field.archived ? 'dimmed' : undefined}>
                            {field.label}
                          </Text>
                          <Text fz="xs" c="dimmed" ff="monospace">
                            {field.key}
                          </Text>
                        </Stack>
                        {field.archived && (
                          <Badge size="xs" color="gray" variant="light">
                            Archived
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{customFieldTypeLabels[field.type]}</Text>
                      {field.type === 'dropdown' && (
                        <Text fz="xs" c="dimmed" lineClamp={1}>
                          {field.options.join(', ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">
                        {field.ticketTypes.length === 0
                          ? 'All'
                          : field.ticketTypes.map((t) => typeLabels[t]).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{field.required ? 'Yes' : 'No'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${field.label}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setEditing({ mode: 'edit', field })}
                          >
                            Edit…
                          </Menu.Item>
                          {field.archived ? (
                            <Menu.Item
                              leftSection={<IconArchiveOff size={14} />}
                              onClick={() => setArchived(field, false)}
                            >
                              Restore
                            </Menu.Item>
                          ) : (
                            <Menu.Item
                              color="red"
                              leftSection={<IconArchive size={14} />}
                              onClick={() => setArchived(field, true)}
                            >
                              Archive
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? `Edit “${editing.field.label}”` : 'New custom field'}
        size="lg"
      >
        {editing && (
          <CustomFieldForm
            field={editing.mode === 'edit' ? editing.field : null}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </SectionCard>
  );
}

function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40);
  return key;
}

interface FieldValues {
  label: string;
  key: string;
  type: CustomFieldType;
  options: string[];
  ticketTypes: string[];
  required: boolean;
  position: number | string;
}

function isFieldType(value: string | null): value is CustomFieldType {
  return value !== null && value in customFieldTypeLabels;
}

function CustomFieldForm({ field, onDone }: { field: CustomField | null; onDone: () => void }) {
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [formError, setFormError] = useState<string | null>(null);
  const [keyTouched, setKeyTouched] = useState(field !== null);
  const form = useForm<FieldValues>({
    initialValues: {
      label: field?.label ?? '',
      key: field?.key ?? '',
      type: field?.type ?? 'text',
      options: field?.options ?? [],
      ticketTypes: field?.ticketTypes ?? [],
      required: field?.required ?? false,
      position: field?.position ?? 0,
    },
    validate: {
      label: (value) => (value.trim() ? null : 'Give the field a label'),
      key: (value) =>
        /^[a-z][a-z0-9_]{0,39}$/.test(value)
          ? null
          : 'Lower-case letters, digits and _, starting with a letter',
      options: (value, values) =>
        values.type === 'dropdown' && value.length === 0 ? 'A dropdown needs at least one option' : null,
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const ticketTypes = v.ticketTypes.filter(isTicketType);
    const position = typeof v.position === 'number' ? v.position : 0;
    const options = v.type === 'dropdown' ? v.options : [];
    const handlers = {
      onSuccess: (saved: CustomField) => {
        notifySuccess(`“${saved.label}” is saved.`, field ? 'Field saved' : 'Field added');
        onDone();
      },
      onError: (error: unknown) => setFormError(applyServerErrors(form, error, { FIELD_KEY_TAKEN: 'key' })),
    };
    if (field) {
      update.mutate(
        {
          id: field.id,
          body: { label: v.label.trim(), options, ticketTypes, required: v.required, position },
        },
        handlers,
      );
    } else {
      create.mutate(
        {
          key: v.key,
          label: v.label.trim(),
          type: v.type,
          options,
          ticketTypes,
          required: v.required,
          position,
        },
        handlers,
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Label"
            required
            data-autofocus
            {...form.getInputProps('label')}
            onChange={(event) => {
              const label = event.currentTarget.value;
              form.setFieldValue('label', label);
              if (!keyTouched) form.setFieldValue('key', keyFromLabel(label));
            }}
          />
          <TextInput
            label="Key"
            description={field ? 'Keys can’t change once used' : 'Used in the API and in filters'}
            required
            disabled={field !== null}
            ff="monospace"
            {...form.getInputProps('key')}
            onChange={(event) => {
              setKeyTouched(true);
              form.setFieldValue('key', event.currentTarget.value);
            }}
          />
        </Group>
        <Select
          label="Type"
          data={customFieldTypeOptions}
          allowDeselect={false}
          disabled={field !== null}
          description={field ? 'The type can’t change once created' : undefined}
          value={values.type}
          onChange={(value) => isFieldType(value) && form.setFieldValue('type', value)}
        />
        {values.type === 'dropdown' && (
          <TagsInput
            label="Options"
            description="Press Enter after each option"
            required
            {...form.getInputProps('options')}
          />
        )}
        <MultiSelect
          label="Ticket types"
          description="Leave empty to show the field on every ticket"
          placeholder="All types"
          data={typeOptions}
          clearable
          {...form.getInputProps('ticketTypes')}
        />
        <Group grow align="flex-end">
          <NumberInput label="Position" min={0} max={10000} {...form.getInputProps('position')} />
          <Switch
            label="Required"
            description="Asked for before a ticket is solved"
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {field ? 'Save field' : 'Add field'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
