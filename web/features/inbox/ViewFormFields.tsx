import {
  Anchor,
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type SortKey, sortKeys, type ViewSort } from '../../../contracts/tickets';
import { type ColumnKey, columnOptions, defaultColumns, isColumnKey, sortOptions } from './columns';

export interface ViewFormValues {
  name: string;
  shared: boolean;
  /** The columns besides the subject, which every row shows first. */
  columns: ColumnKey[];
  sort: ViewSort;
}

const isSortKey = (value: string | null): value is SortKey =>
  value !== null && (sortKeys as readonly string[]).includes(value);

const pickable = columnOptions.filter((o) => o.value !== 'subject');

function withoutSubject(columns: readonly ColumnKey[]): ColumnKey[] {
  return columns.filter((c) => c !== 'subject');
}

/** The columns to store: the subject first, then the picked ones in the order they were picked. */
export function columnsToSave(picked: readonly ColumnKey[]): ColumnKey[] {
  return ['subject', ...withoutSubject(picked)];
}

export function useViewForm(initial: {
  name: string;
  shared: boolean;
  columns: readonly ColumnKey[];
  sort: ViewSort;
}) {
  return useForm<ViewFormValues>({
    initialValues: { ...initial, columns: withoutSubject(initial.columns) },
    validate: {
      name: (value) => (value.trim() ? null : 'Give the view a name'),
      columns: (value) => (value.length > 0 ? null : 'Pick at least one column'),
    },
  });
}

type ViewForm = ReturnType<typeof useViewForm>;

/** Name, sharing, columns and order of a saved view. */
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
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          label="Sort by"
          data={sortOptions}
          allowDeselect={false}
          value={form.getValues().sort.by}
          onChange={(by) => {
            if (isSortKey(by)) form.setFieldValue('sort.by', by);
          }}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: 1 }}
        />
        <SegmentedControl
          aria-label="Order"
          data={[
            { value: 'asc', label: 'Ascending' },
            { value: 'desc', label: 'Descending' },
          ]}
          value={form.getValues().sort.dir}
          onChange={(dir) => form.setFieldValue('sort.dir', dir === 'asc' ? 'asc' : 'desc')}
        />
      </Group>
    </>
  );
}
