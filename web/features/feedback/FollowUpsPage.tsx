import { usePageTitle } from '../../app/title';
import { PageHeader } from '../../components/PageHeader';
import { FollowUpsPanel } from './FollowUpsPanel';

/** Follow-ups for team leads: those they own or of the teams they lead (managers see them all on Feedback). */
export function FollowUpsPage() {
  usePageTitle('Follow-ups');
  return (
    <>
      <PageHeader
        title="Follow-ups"
        description="Customers who gave a negative rating on your teams' tickets: contact them, then record how it ended."
      />
      <FollowUpsPanel />
    </>
  );
}
