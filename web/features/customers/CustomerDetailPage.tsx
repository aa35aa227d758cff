import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconGitMerge, IconPencil, IconPlus, IconUserQuestion } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Customer } from '../../../contracts/customers';
import { usePageTitle } from '../../app/title';
import { DetailPage, idParam } from '../../components/DetailPage';
import { EmptyState } from '../../components/EmptyState';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { TagList } from '../../components/TagList';
import { UserAvatar } from '../../components/UserAvatar';
import { NewTicketModal } from '../inbox/NewTicketModal';
import { CustomerReferrals } from '../referrals/CustomerReferrals';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomerTimeline } from './CustomerTimeline';
import { useCustomer } from './customers.queries';
import { MergeCustomersModal } from './MergeCustomersModal';

const customersCrumb = { label: 'Customers', to: '/customers' };

export function CustomerDetailPage() {
  const params = useParams();
  const id = idParam(params.id);
  const customer = useCustomer(id ?? 0);
  usePageTitle(customer.data?.name ?? 'Customer');
  return (
    <DetailPage
      query={customer}
      validId={id !== null}
      noun="Customer"
      breadcrumbs={[customersCrumb]}
      notFound={{
        icon: <IconUserQuestion size={28} stroke={1.5} />,
        title: 'There is no customer here',
        description: 'The link may be wrong. Search for them in the list of customers.',
        action: (
          <Button component={Link} to="/customers" variant="default">
            Back to Customers
          </Button>
        ),
      }}
    >
      {(data) => <CustomerDetail customer={data} />}
    </DetailPage>
  );
}

function CustomerDetail({ customer }: { customer: Customer }) {
  const [editOpened, editModal] = useDisclosure(false);
  const [mergeOpened, mergeModal] = useDisclosure(false);
  const [ticketOpened, ticketModal] = useDisclosure(false);

  if (customer.mergedIntoId) {
    return (
      <>
        <PageHeader title={customer.name} breadcrumbs={[customersCrumb, { label: customer.name }]} />
        <EmptyState
          title="This customer was merged"
          description="Their tickets and notes now belong to another customer."
          action={
            <Button component={Link} to={`/customers/${customer.mergedIntoId}`} variant="default">
              Open the customer they were merged into
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        breadcrumbs={[customersCrumb, { label: customer.name }]}
        leading={<UserAvatar name={customer.name} size="lg" />}
        title={customer.name}
        description={
          <Group gap="xs" component="span">
            <Text span fz="sm" c="dimmed">
              {customer.email ?? 'No email'}
            </Text>
            {customer.organization && (
              <Badge
                component={Link}
                to={`/organizations/${customer.organization.id}`}
                variant="light"
                tt="none"
                style={{ cursor: 'pointer' }}
              >
                {customer.organization.name}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconGitMerge size={16} />} onClick={mergeModal.open}>
              Merge duplicates
            </Button>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editModal.open}>
              Edit
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={ticketModal.open}>
              New ticket
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CustomerTimeline customerId={customer.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <SectionCard title="Contact details">
              <Stack gap="xs">
                <Fact label="Email">
                  {customer.email ? (
                    <Anchor href={`mailto:${customer.email}`} fz="sm">
                      {customer.email}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Fact>
                <Fact label="Phone">
                  {customer.phone ? (
                    <Anchor href={`tel:${customer.phone}`} fz="sm">
                      {customer.phone}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Fact>
                <Fact label="Organisation">
                  {customer.organization ? (
                    <Anchor component={Link} to={`/organizations/${customer.organization.id}`} fz="sm">
                      {customer.organization.name}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Fact>
                <Fact label="Timezone">{customer.timezone ?? '—'}</Fact>
                <Fact label="Language">{customer.language ?? '—'}</Fact>
                <Fact label="Customer since">
                  <RelativeTime value={customer.createdAt} />
                </Fact>
              </Stack>
            </SectionCard>
            <SectionCard title="Tags">
              <TagList tags={customer.tags} size="md" empty="No tags. Add some with Edit." />
            </SectionCard>
            <CustomerReferrals customer={customer} />
          </Stack>
        </Grid.Col>
      </Grid>
      <CustomerFormModal customer={customer} opened={editOpened} onClose={editModal.close} />
      <MergeCustomersModal customer={customer} opened={mergeOpened} onClose={mergeModal.close} />
      <NewTicketModal
        opened={ticketOpened}
        onClose={ticketModal.close}
        requester={{ id: customer.id, name: customer.name }}
      />
    </>
  );
}
