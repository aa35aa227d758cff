import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useOrganization, useOrganizationOptions } from './customers.queries';

interface OrganizationSelectProps
  extends Omit<SelectProps, 'value' | 'onChange' | 'data' | 'searchable' | 'searchValue' | 'onSearchChange'> {
  value: number | null;
  onChange: (id: number | null) => void;
}

/** An organisation picked by name: a search as you type; the chosen one keeps its name. */
export function OrganizationSelect({ value, onChange, ...props }: OrganizationSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const options = useOrganizationOptions(debounced);
  const current = useOrganization(value ?? 0);
  const data = [...(options.data ?? [])];
  if (value && current.data && !data.some((o) => o.value === String(value)))
    data.unshift({ value: String(current.data.id), label: current.data.name });
  return (
    <Select
      placeholder="Type a name"
      nothingFoundMessage="No organisation by that name"
      {...props}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      value={value ? String(value) : null}
      onChange={(next) => onChange(next ? Number(next) : null)}
    />
  );
}
