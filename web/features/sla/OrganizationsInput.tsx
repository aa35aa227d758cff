import { MultiSelect } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { routes } from '../../../contracts/api';
import { api } from '../../app/api';
import { customersKeys, useOrganizationOptions } from '../customers/customers.queries';

/** Organisations picked by name: a search as you type; the chosen ones keep their names. */
export function OrganizationsInput({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
}) {
  const [search, setSearch] = useState('');
  const found = useOrganizationOptions(search);
  const chosen = useQueries({
    queries: value.map((id) => ({
      queryKey: customersKeys.organization(Number(id)),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.call(routes.organizations.get, { params: { id: Number(id) }, signal }),
      staleTime: 60_000,
    })),
  });
  const data = [...(found.data ?? [])];
  value.forEach((id, index) => {
    if (data.some((o) => o.value === id)) return;
    data.push({ value: id, label: chosen[index]?.data?.name ?? `Organisation #${id}` });
  });
  return (
    <MultiSelect
      label="Organisations"
      placeholder={value.length ? undefined : 'Any organisation'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage="No organisation by that name"
      maxValues={50}
      error={error}
    />
  );
}
