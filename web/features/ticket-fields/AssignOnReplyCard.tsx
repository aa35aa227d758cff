import { Switch } from '@mantine/core';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { useTicketSettings, useUpdateTicketSettings } from './ticket-fields.queries';

/** Whether an unassigned ticket goes to the agent who first answers the customer. */
export function AssignOnReplyCard() {
  const settings = useTicketSettings();
  const update = useUpdateTicketSettings();
  return (
    <SectionCard
      title="Assigning on reply"
      description="An unassigned ticket is assigned to the agent who replies to the customer. Notes never assign."
    >
      {settings.isPending ? (
        <LoadingState variant="block" label="Loading ticket settings" />
      ) : settings.isError ? (
        <ErrorState
          error={settings.error}
          title="Ticket settings could not be loaded"
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <Switch
          label="Assign unassigned tickets to the agent who replies"
          checked={settings.data.assignOnReply}
          disabled={update.isPending}
          onChange={(event) => {
            const assignOnReply = event.currentTarget.checked;
            update.mutate(
              { assignOnReply },
              {
                onSuccess: () =>
                  notifySuccess(
                    assignOnReply
                      ? 'Replying to an unassigned ticket now assigns it to you.'
                      : 'Replying no longer assigns tickets.',
                  ),
                onError: (error) => notifyError(error, 'The setting was not saved'),
              },
            );
          }}
        />
      )}
    </SectionCard>
  );
}
