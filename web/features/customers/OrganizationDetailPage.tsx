import { Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingOff, IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Organization } from '../../../contracts/customers';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { CompactTicketList } from '../../components/CompactTicketList';
import { DetailPage, idParam } from '../../components/DetailPage';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { TagList } from '../../components/TagList';
import { OrganizationContractCard, OrganizationContractFlag } from '../contracts/OrganizationContractCard';
import { useTicketList } from '../tickets/tickets.queries';
import { CustomersTable } from './CustomersPage';
import { useCustomersList, useOrganization } from './customers.queries';
import { OrganizationFormModal } from './OrganizationFormModal';

const orgsCrumb = { label: 'Organisations', to: '/organizations' };

export function OrganizationDetailPage() {
  const params = useParams();
  const id = idParam(params.id);
  const organization = useOrganization(id ?? 0);
  usePageTitle(organization.data?.name ?? 'Organisation');
  return (
    <DetailPage
      query={organization}
      validId={id !== null}
      noun="Organisation"
      breadcrumbs={[orgsCrumb]}
      notFound={{
        icon: <IconBuildingOff size={28} stroke={1.5} />,
        title: 'There is no organisation here',
        description: 'The link may be wrong. Find it in the list of organisations.',
        action: (
          <Button component={Link} to="/organizations" variant="default">
            Back to Organisations
          </Button>
        ),
      }}
    >
      {(data) => <OrganizationDetail organization={data} />}
    </DetailPage>
  );
}

function OrganizationDetail({ organization }: { organization: Organization }) {
  const me = useMe();
  const [editOpened, editModal] = useDisclosure(false);
  const customers = useCustomersList({ q: '', organizationId: organization.id, tag: null });
  const tickets = useTicketList({
    viewId: null,
    filters: { organizationId: organization.id },
    q: '',
    limit: 20,
  });
  const customerRows = customers.data?.pages.flatMap((p) => p.data) ?? [];
  const ticketRows = tickets.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader
        breadcrumbs={[orgsCrumb, { label: organization.name }]}
        title={organization.name}
        description={
          <>
            {organization.customerCount === 1 ? '1 customer' : `${organization.customerCount} customers`}
            <OrganizationContractFlag organizationId={organization.id} />
          </>
        }
        actions={
          can(me.role, 'organizations.write') && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editModal.open}>
              Edit
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <SectionCard
              title="Tickets"
              description="Every ticket from people in this organisation, latest first."
            >
              {tickets.isPending ? (
                <LoadingState label="Loading tickets" rows={4} />
              ) : tickets.isError ? (
                <ErrorState
                  error={tickets.error}
                  title="Tickets could not be loaded"
                  onRetry={() => void tickets.refetch()}
                />
              ) : ticketRows.length === 0 ? (
                <EmptyState
                  size="sm"
                  title="No tickets yet"
                  description="Nobody from this organisation has written in."
                />
              ) : (
                <>
                  <CompactTicketList
                    tickets={ticketRows}
                    hrefOf={(t) => `/inbox/all/tickets/${t.id}`}
                    label="Tickets"
                  />
                  <LoadMore
                    hasNextPage={tickets.hasNextPage}
                    isFetchingNextPage={tickets.isFetchingNextPage}
                    fetchNextPage={tickets.fetchNextPage}
                    shown={ticketRows.length}
                    noun="tickets"
                  />
                </>
              )}
            </SectionCard>
            <SectionCard title="Customers">
              {customers.isPending ? (
                <LoadingState label="Loading customers" rows={3} />
              ) : customers.isError ? (
                <ErrorState
                  error={customers.error}
                  title="Customers could not be loaded"
                  onRetry={() => void customers.refetch()}
                />
              ) : customerRows.length === 0 ? (
                <EmptyState
                  size="sm"
                  title="No customers in this organisation"
                  description="People join it when they write from one of its domains, or when you set it on their page."
                />
              ) : (
                <>
                  <CustomersTable customers={customerRows} withOrganization={false} />
                  <LoadMore
                    hasNextPage={customers.hasNextPage}
                    isFetchingNextPage={customers.isFetchingNextPage}
                    fetchNextPage={customers.fetchNextPage}
                    shown={customerRows.length}
                    noun="customers"
                  />
                </>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <OrganizationContractCard organization={organization} />
            <SectionCard title="Details">
              <Stack gap="sm">
                <Stack gap={4}>
                  <Text fz="sm" c="dimmed">
                    Email domains
                  </Text>
                  {organization.domains.length === 0 ? (
                    <Text fz="sm">None</Text>
                  ) : (
                    <Group gap={4}>
                      {organization.domains.map((d) => (
                        <Badge key={d} variant="light" tt="none">
                          {d}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Stack>
                <Stack gap={4}>
                  <Text fz="sm" c="dimmed">
                    Tags
                  </Text>
                  <TagList tags={organization.tags} size="md" empty="None" />
                </Stack>
                <Stack gap={4}>
                  <Text fz="sm" c="dimmed">
                    Notes
                  </Text>
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {organization.notes || 'No notes.'}
                  </Text>
                </Stack>
              </Stack>
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      <OrganizationFormModal organization={organization} opened={editOpened} onClose={editModal.close} />
    </>
  );
}
