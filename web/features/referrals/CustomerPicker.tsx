import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCustomerSearch } from '../customers/customers.queries';

interface CustomerPickerProps {
  label: string;
  value: { id: number; name: string } | null;
  onChange: (customer: { id: number; name: string } | null) => void;
  error?: string;
  description?: string;
}

/** A customer found by name, email or phone as one types. */
export function CustomerPicker({ label, value, onChange, error, description }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useCustomerSearch(debounced);
  const options = (found.data?.customers ?? [])
    .filter((c) => c.mergedIntoId === null)
    .map((c) => ({ value: String(c.id), label: c.email ? `${c.name} (${c.email})` : c.name }));
  if (value && !options.some((o) => o.value === String(value.id)))
    options.unshift({ value: String(value.id), label: value.name });
  return (
    <Select
      label={label}
      description={description}
      placeholder="Search by name, email or phone"
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value ? String(value.id) : null}
      onChange={(id, option) => onChange(id && option ? { id: Number(id), name: option.label } : null)}
      nothingFoundMessage={debounced.trim() ? 'No customer matches' : 'Type to search'}
      error={error}
    />
  );
}
