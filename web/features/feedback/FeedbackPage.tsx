import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { PageHeader } from '../../components/PageHeader';
import { CampaignsPanel } from './CampaignsPanel';
import { FeedbackAnswers } from './FeedbackAnswers';
import { FollowUpsPanel } from './FollowUpsPanel';
import { FollowUpTarget } from './FollowUpTarget';
import { SurveySettingsPanel } from './SurveySettingsPanel';
import { ThemesPanel } from './ThemesPanel';
import { TrendsPanel } from './TrendsPanel';

/** Feedback: what customers said after their tickets were solved, and how they are asked. */
export function FeedbackPage() {
  usePageTitle('Feedback');
  const me = useMe();
  const { tab, itemId } = useParams();
  const navigate = useNavigate();
  const current =
    tab === 'settings' || tab === 'campaigns' || tab === 'follow-ups' || tab === 'themes' || tab === 'trends'
      ? tab
      : 'answers';
  const campaignId = tab === 'campaigns' && itemId && /^\d+$/.test(itemId) ? Number(itemId) : null;
  return (
    <>
      <PageHeader
        title="Feedback"
        description="Customer satisfaction (CSAT) and effort (CES) from the survey sent after each solved ticket, with every comment, and NPS campaigns asking how likely customers are to recommend you."
      />
      <Stack gap="md">
        <Tabs
          value={current}
          onChange={(value) =>
            navigate(value && value !== 'answers' ? `/feedback/${value}` : '/feedback', { replace: true })
          }
        >
          <Tabs.List aria-label="Feedback">
            <Tabs.Tab value="answers">Answers</Tabs.Tab>
            <Tabs.Tab value="campaigns">Campaigns</Tabs.Tab>
            <Tabs.Tab value="follow-ups">Follow-ups</Tabs.Tab>
            <Tabs.Tab value="themes">Themes</Tabs.Tab>
            <Tabs.Tab value="trends">Trends</Tabs.Tab>
            <Tabs.Tab value="settings">Settings</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {current === 'answers' ? (
          <FeedbackAnswers />
        ) : current === 'campaigns' ? (
          <CampaignsPanel campaignId={campaignId} canManage={can(me.role, 'feedback.manage')} />
        ) : current === 'follow-ups' ? (
          <>
            <FollowUpsPanel />
            {can(me.role, 'feedback.manage') && <FollowUpTarget />}
          </>
        ) : current === 'themes' ? (
          <ThemesPanel canManage={can(me.role, 'feedback.manage')} />
        ) : current === 'trends' ? (
          <TrendsPanel canManage={can(me.role, 'feedback.manage')} />
        ) : (
          <SurveySettingsPanel canManage={can(me.role, 'feedback.manage')} />
        )}
      </Stack>
    </>
  );
}
