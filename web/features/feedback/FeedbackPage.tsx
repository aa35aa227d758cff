import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { PageHeader } from '../../components/PageHeader';
import { ReferralsPanel } from '../referrals/ReferralsPanel';
import { CampaignsPanel } from './CampaignsPanel';
import { FeedbackAnswers } from './FeedbackAnswers';
import { FollowUpsPanel } from './FollowUpsPanel';
import { FollowUpTarget } from './FollowUpTarget';
import { SurveySettingsPanel } from './SurveySettingsPanel';
import { TestimonialsPanel } from './TestimonialsPanel';
import { ThemesPanel } from './ThemesPanel';
import { TrendsPanel } from './TrendsPanel';

const tabs = ['settings', 'campaigns', 'follow-ups', 'themes', 'trends', 'testimonials', 'referrals'];

/** Feedback: what customers said after their tickets were solved, and how they are asked. */
export function FeedbackPage() {
  usePageTitle('Feedback');
  const me = useMe();
  const { tab, itemId } = useParams();
  const navigate = useNavigate();
  const current = tab && tabs.includes(tab) ? tab : 'answers';
  const campaignId = tab === 'campaigns' && itemId && /^\d+$/.test(itemId) ? Number(itemId) : null;
  return (
    <>
      <PageHeader
        title="Feedback"
        description="Customer satisfaction (CSAT) and effort (CES) from the survey sent after each solved ticket, with every comment, NPS campaigns asking how likely customers are to recommend you, the testimonials promoters agreed to, and referrals."
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
            <Tabs.Tab value="testimonials">Testimonials</Tabs.Tab>
            <Tabs.Tab value="referrals">Referrals</Tabs.Tab>
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
        ) : current === 'testimonials' ? (
          <TestimonialsPanel canManage={can(me.role, 'testimonials.manage')} />
        ) : current === 'referrals' ? (
          <ReferralsPanel canReward={can(me.role, 'referrals.reward')} />
        ) : (
          <SurveySettingsPanel canManage={can(me.role, 'feedback.manage')} />
        )}
      </Stack>
    </>
  );
}
