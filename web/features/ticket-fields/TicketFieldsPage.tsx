import { Stack } from '@mantine/core';
import { usePageTitle } from '../../app/title';
import { PageHeader } from '../../components/PageHeader';
import { AssignOnReplyCard } from './AssignOnReplyCard';
import { AutoCloseCard } from './AutoCloseCard';
import { CategoriesCard } from './CategoriesCard';
import { CustomFieldsCard } from './CustomFieldsCard';
import { NewRequestsCard } from './NewRequestsCard';

export function TicketFieldsPage() {
  usePageTitle('Ticket fields');
  return (
    <>
      <PageHeader
        title="Ticket fields"
        description="Categories sort tickets into topics; custom fields hold what your team needs to know about each."
      />
      <Stack gap="lg">
        <CategoriesCard />
        <NewRequestsCard />
        <CustomFieldsCard />
        <AutoCloseCard />
        <AssignOnReplyCard />
      </Stack>
    </>
  );
}
