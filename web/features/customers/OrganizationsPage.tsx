import { Anchor, Button, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { TableFrame } from '../../components/TableFrame';
import { TagList } from '../../components/TagList';
import { CustomersTabs } from './CustomersTabs';
import { useOrganizationsList } from './customers.queries';
import { OrganizationFormModal } from './OrganizationFormModal';

export function OrganizationsPage() {
  usePageTitle('Organisations');
  const me = useMe();
  const navigate = useNavigate();
  const canCreate = can(me.role, 'organizations.write');
  const [createOpened, createModal] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const organizations = useOrganizationsList(debounced);
  const rows = organizations.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = debounced.trim() !== '';

  return (
    <>
      <PageHeader
        title="Organisations"
        description="Companies your customers work for, matched by their email domains."
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
              New organisation
            </Button>
          )
        }
      />
      <CustomersTabs active="organizations" />
      <Stack gap="md">
        <TextInput
          aria-label="Search organisations"
          placeholder="Search by name or domain"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
        />
        <Paper withBorder radius="md">
          {organizations.isPending ? (
            <Stack p="md">
              <LoadingState label="Loading organisations" />
            </Stack>
          ) : organizations.isError ? (
            <ErrorState
              error={organizations.error}
              title="Organisations could not be loaded"
              onRetry={() => void organizations.refetch()}
              retrying={organizations.isRefetching}
            />
          ) : rows.length === 0 ? (
            <EmptyState
              icon={
                filtered ? <IconSearch size={28} stroke={1.5} /> : <IconBuilding size={28} stroke={1.5} />
              }
              title={filtered ? 'No organisations match' : 'No organisations yet'}
              description={
                filtered
                  ? 'Try another name.'
                  : canCreate
                    ? 'Add the companies your customers work for.'
                    : 'A manager can add the companies your customers work for.'
              }
              action={
                filtered ? (
                  <Button variant="default" onClick={() => setSearch('')}>
                    Clear search
                  </Button>
                ) : (
                  canCreate && (
                    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
                      New organisation
                    </Button>
                  )
                )
              }
            />
          ) : (
            <>
              <TableFrame minWidth={640}>
                <Table
                  highlightOnHover
                  verticalSpacing="sm"
                  horizontalSpacing="md"
                  aria-label="Organisations"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Domains</Table.Th>
                      <Table.Th>Customers</Table.Th>
                      <Table.Th>Tags</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((org) => (
                      <Table.Tr
                        key={org.id}
                        style={{ cursor: 'pointer' }}
                        onClick={(event) => {
                          if (event.target instanceof HTMLElement && event.target.closest('a')) return;
                          navigate(`/organizations/${org.id}`);
                        }}
                      >
                        <Table.Td>
                          <Anchor component={Link} to={`/organizations/${org.id}`} fw={500} fz="sm">
                            {org.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm" c={org.domains.length ? undefined : 'dimmed'}>
                            {org.domains.join(', ') || '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm">{org.customerCount}</Text>
                        </Table.Td>
                        <Table.Td>
                          <TagList tags={org.tags} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableFrame>
              <LoadMore
                hasNextPage={organizations.hasNextPage}
                isFetchingNextPage={organizations.isFetchingNextPage}
                fetchNextPage={organizations.fetchNextPage}
                shown={rows.length}
                noun="organisations"
              />
            </>
          )}
        </Paper>
      </Stack>
      <OrganizationFormModal organization={null} opened={createOpened} onClose={createModal.close} />
    </>
  );
}
