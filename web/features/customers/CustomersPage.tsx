import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Customer } from '../../../contracts/customers';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { TableFrame } from '../../components/TableFrame';
import { TagList } from '../../components/TagList';
import { UserAvatar } from '../../components/UserAvatar';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomersTabs } from './CustomersTabs';
import { useCustomersList, useOrganizationOptions } from './customers.queries';

export function CustomersPage() {
  usePageTitle('Customers');
  const [createOpened, createModal] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [orgSearch, setOrgSearch] = useState('');
  const [debouncedOrg] = useDebouncedValue(orgSearch, 250);
  const organizations = useOrganizationOptions(debouncedOrg);
  const [tag, setTag] = useState('');
  const [debouncedTag] = useDebouncedValue(tag, 250);

  const customers = useCustomersList({
    q: debouncedSearch,
    organizationId: organizationId ? Number(organizationId) : null,
    tag: debouncedTag.trim() || null,
  });
  const rows = customers.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = debouncedSearch.trim() !== '' || organizationId !== null || debouncedTag.trim() !== '';
  const clear = () => {
    setSearch('');
    setOrganizationId(null);
    setOrgSearch('');
    setTag('');
  };

  return (
    <>
      <PageHeader
        title="Customers"
        description="The people who write to you, with every ticket and note about them."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New customer
          </Button>
        }
      />
      <CustomersTabs active="customers" />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            aria-label="Search customers"
            placeholder="Search by name, email or phone"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
          <Select
            aria-label="Filter by organisation"
            placeholder="All organisations"
            searchable
            clearable
            searchValue={orgSearch}
            onSearchChange={setOrgSearch}
            data={organizations.data ?? []}
            filter={({ options }) => options}
            value={organizationId}
            onChange={setOrganizationId}
            nothingFoundMessage="No organisation by that name"
            w={220}
          />
          <TextInput
            aria-label="Filter by tag"
            placeholder="Tag"
            value={tag}
            onChange={(event) => setTag(event.currentTarget.value)}
            w={160}
          />
          {filtered && (
            <Button variant="subtle" onClick={clear}>
              Clear filters
            </Button>
          )}
        </Group>
        <Paper withBorder radius="md">
          <QueryList
            query={customers}
            loadingLabel="Loading customers"
            errorTitle="Customers could not be loaded"
            isEmpty={rows.length === 0}
            noMatch={
              filtered
                ? {
                    icon: <IconSearch size={28} stroke={1.5} />,
                    title: 'No customers match',
                    description: 'Try another name or email, or clear the filters.',
                    onClear: clear,
                  }
                : null
            }
            empty={
              <EmptyState
                icon={<IconAddressBook size={28} stroke={1.5} />}
                title="No customers yet"
                description="Customers appear here when they write in, or add one yourself."
                action={
                  <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
                    New customer
                  </Button>
                }
              />
            }
          >
            <CustomersTable customers={rows} />
            <LoadMore
              hasNextPage={customers.hasNextPage}
              isFetchingNextPage={customers.isFetchingNextPage}
              fetchNextPage={customers.fetchNextPage}
              shown={rows.length}
              noun="customers"
            />
          </QueryList>
        </Paper>
      </Stack>
      <CustomerFormModal customer={null} opened={createOpened} onClose={createModal.close} />
    </>
  );
}

/** Customers as a table: name and email, organisation, tags. Also used on an organisation's page. */
export function CustomersTable({
  customers,
  withOrganization = true,
}: {
  customers: Customer[];
  withOrganization?: boolean;
}) {
  const navigate = useNavigate();
  return (
    <TableFrame minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Customers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Phone</Table.Th>
            {withOrganization && <Table.Th>Organisation</Table.Th>}
            <Table.Th>Tags</Table.Th>
            <Table.Th>Since</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr
              key={customer.id}
              onClick={(event) => {
                if (event.target instanceof HTMLElement && event.target.closest('a')) return;
                navigate(`/customers/${customer.id}`);
              }}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <UserAvatar name={customer.name} size="md" />
                  <Stack gap={0} miw={0}>
                    <Anchor component={Link} to={`/customers/${customer.id}`} fw={500} fz="sm" truncate="end">
                      {customer.name}
                    </Anchor>
                    <Text fz="xs" c="dimmed" truncate="end">
                      {customer.email ?? 'No email'}
                    </Text>
                  </Stack>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={customer.phone ? undefined : 'dimmed'}>
                  {customer.phone ?? '—'}
                </Text>
              </Table.Td>
              {withOrganization && (
                <Table.Td>
                  {customer.organization ? (
                    <Anchor component={Link} to={`/organizations/${customer.organization.id}`} fz="sm">
                      {customer.organization.name}
                    </Anchor>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <TagList tags={customer.tags} />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={customer.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
