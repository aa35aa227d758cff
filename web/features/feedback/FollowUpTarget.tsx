import { NumberSettingForm } from '../../components/NumberSettingForm';
import { SectionCard } from '../../components/SectionCard';
import { useFollowUpSettings, useUpdateFollowUpSettings } from './feedback-loop.queries';

/** The target a follow-up is measured against: hours from the answer to its outcome (managers). */
export function FollowUpTarget() {
  const settings = useFollowUpSettings(true);
  const update = useUpdateFollowUpSettings();
  if (!settings.data) return null;
  return (
    <SectionCard
      title="Target"
      description="Hours from a negative answer until its follow-up is overdue (plain hours, nights and weekends count). Follow-ups already open keep their due time."
    >
      <NumberSettingForm
        value={settings.data.dueHours}
        label="Due within"
        unit="hours"
        unitWidth={60}
        width={120}
        min={1}
        max={720}
        rangeError="Between 1 and 720 hours"
        saving={update.isPending}
        save={(value, done) =>
          update.mutate(value, {
            onSuccess: (saved) => done.onSuccess(saved.dueHours),
            onError: done.onError,
          })
        }
        savedMessage={(saved) => `Follow-ups opened from now on are due within ${saved} hours.`}
      />
    </SectionCard>
  );
}
