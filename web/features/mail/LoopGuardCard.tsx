import type { MailSettings } from '../../../contracts/mail';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { NumberSettingForm } from '../../components/NumberSettingForm';
import { SectionCard } from '../../components/SectionCard';
import { useMailSettings, useUpdateMailSettings } from './mail.queries';

const MIN = 1;
const MAX = 10_000;

export function LoopGuardCard() {
  const settings = useMailSettings();
  return (
    <SectionCard
      title="Loop guard"
      description="When one sender writes more often than this within an hour, further mail goes to Spam. This stops two auto-responders from writing to each other forever."
    >
      {settings.isPending ? (
        <LoadingState variant="block" label="Loading mail settings" />
      ) : settings.isError ? (
        <ErrorState
          error={settings.error}
          title="Mail settings could not be loaded"
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <LoopGuardForm settings={settings.data} />
      )}
    </SectionCard>
  );
}

function LoopGuardForm({ settings }: { settings: MailSettings }) {
  const update = useUpdateMailSettings();
  return (
    <NumberSettingForm
      value={settings.senderLimitPerHour}
      label="Limit for one sender"
      unit="messages / hour"
      unitWidth={120}
      width={260}
      min={MIN}
      max={MAX}
      rangeError={`From ${MIN} to ${MAX.toLocaleString()} messages`}
      saving={update.isPending}
      save={(value, done) =>
        update.mutate(
          { senderLimitPerHour: value },
          { onSuccess: (saved) => done.onSuccess(saved.senderLimitPerHour), onError: done.onError },
        )
      }
      savedMessage={(n) =>
        `A sender can now write ${n} ${n === 1 ? 'message' : 'messages'} an hour before the rest goes to Spam.`
      }
    />
  );
}
