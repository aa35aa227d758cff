import { Anchor, Checkbox, Group, MultiSelect, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ColumnKey, columnOptions, defaultColumns, isColumnKey } from './columns';

export interface ViewFormValues {
  name: string;
  shared: boolean;
  /** The columns besides the subject, which every row shows first. */
  columns: ColumnKey[];
}

const pickable = columnOptions.filter((o) => o.value !== 'subject');

function withoutSubject(columns: readonly ColumnKey[]): ColumnKey[] {
  return columns.filter((c) => c !== 'subject');
}

/** The columns to store: the subject first, then the picked ones in the order they were picked. */
export function columnsToSave(picked: readonly ColumnKey[]): ColumnKey[] {
  return ['subject', ...withoutSubject(picked)];
}

export function useViewForm(initial: { name: string; shared: boolean; columns: readonly ColumnKey[] }) {
  return useForm<ViewFormValues>({
    initialValues: { ...initial, columns: withoutSubject(initial.columns) },
    validate: {
      name: (value) => (value.trim() ? null : 'Give the view a name'),
      columns: (value) => (value.length > 0 ? null : 'Pick at least one column'),
    },
  });
}

type ViewForm = ReturnType<typeof useViewForm>;

/** Name, sharing and columns of a saved view. */
export function ViewFormFields({ form, mayShare }: { form: ViewForm; mayShare: boolean }) {
  const columns = form.getValues().columns;
  const isDefault =
    columns.length === withoutSubject(defaultColumns).length &&
    columns.every((c, i) => c === withoutSubject(defaultColumns)[i]);
  return (
    <>
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      {mayShare && (
        <Checkbox
          label="Share with everyone"
          description="Shared views appear in every agent's list of views"
          {...form.getInputProps('shared', { type: 'checkbox' })}
        />
      )}
      <div>
        <MultiSelect
          label="Columns"
          description="Each row shows the subject, then these in the order you pick them"
          placeholder={columns.length === 0 ? 'Pick columns' : undefined}
          data={pickable}
          searchable
          nothingFoundMessage="No column by that name"
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('columns')}
          onChange={(values) => form.setFieldValue('columns', values.filter(isColumnKey))}
        />
        <Group justify="flex-end" mt={4}>
          {isDefault ? (
            <Text fz="xs" c="dimmed">
              The usual columns
            </Text>
          ) : (
            <Anchor
              component="button"
              type="button"
              fz="xs"
              onClick={() => form.setFieldValue('columns', withoutSubject(defaultColumns))}
            >
              Use the usual columns
            </Anchor>
          )}
        </Group>
      </div>
    </>
  );
}
