import type { TicketSettings } from '../../../contracts/settings';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { NumberSettingForm } from '../../components/NumberSettingForm';
import { SectionCard } from '../../components/SectionCard';
import { useTicketSettings, useUpdateTicketSettings } from './ticket-fields.queries';

const MIN_DAYS = 1;
const MAX_DAYS = 90;

export function AutoCloseCard() {
  const settings = useTicketSettings();
  return (
    <SectionCard
      title="Closing solved tickets"
      description="Solved tickets close on their own after this many days; a reply after that opens a follow-up."
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
        <AutoCloseForm settings={settings.data} />
      )}
    </SectionCard>
  );
}

function AutoCloseForm({ settings }: { settings: TicketSettings }) {
  const update = useUpdateTicketSettings();
  return (
    <NumberSettingForm
      value={settings.autoCloseDays}
      label="Close solved tickets after"
      unit="days"
      unitWidth={52}
      width={220}
      min={MIN_DAYS}
      max={MAX_DAYS}
      rangeError={`From ${MIN_DAYS} to ${MAX_DAYS} whole days`}
      saving={update.isPending}
      save={(value, done) =>
        update.mutate(
          { autoCloseDays: value },
          { onSuccess: (saved) => done.onSuccess(saved.autoCloseDays), onError: done.onError },
        )
      }
      savedMessage={(n) => `Solved tickets now close after ${n} ${n === 1 ? 'day' : 'days'}.`}
    />
  );
}
