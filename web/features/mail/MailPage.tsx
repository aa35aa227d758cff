import { Badge, Tabs } from '@mantine/core';
import { IconFilter, IconInbox, IconMailExclamation, IconTemplate } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../app/title';
import { PageHeader } from '../../components/PageHeader';
import { InboundTab } from './InboundTab';
import { MailboxesTab } from './MailboxesTab';
import { useInboundCounts } from './mail.queries';
import { SpamRulesTab } from './SpamRulesTab';
import { TemplatesTab } from './TemplatesTab';

const tabs = ['mailboxes', 'templates', 'received', 'spam-rules'] as const;
type MailTab = (typeof tabs)[number];

function isTab(value: string | null | undefined): value is MailTab {
  return tabs.some((t) => t === value);
}

const tabPath = (tab: MailTab) => (tab === 'mailboxes' ? '/admin/mail' : `/admin/mail/${tab}`);

const panels: Record<MailTab, { label: string; icon: ReactNode; content: () => ReactNode }> = {
  mailboxes: { label: 'Mailboxes', icon: <IconInbox size={16} />, content: () => <MailboxesTab /> },
  templates: { label: 'Templates', icon: <IconTemplate size={16} />, content: () => <TemplatesTab /> },
  received: {
    label: 'Failed & spam',
    icon: <IconMailExclamation size={16} />,
    content: () => <InboundTab />,
  },
  'spam-rules': { label: 'Spam rules', icon: <IconFilter size={16} />, content: () => <SpamRulesTab /> },
};

/** Admin → Mail: one place with a tab for each part of the email channel. */
export function MailPage() {
  usePageTitle('Mail');
  const params = useParams();
  const navigate = useNavigate();
  const active: MailTab = isTab(params.tab) ? params.tab : 'mailboxes';
  const counts = useInboundCounts();
  const needsLook = counts.data ? counts.data.failed : 0;

  return (
    <>
      <PageHeader
        title="Mail"
        description="The addresses customers write to, the mail Steward sends, and received mail that needs a look."
      />
      <Tabs value={active} onChange={(value) => isTab(value) && navigate(tabPath(value))} keepMounted={false}>
        <Tabs.List aria-label="Mail settings" mb="lg">
          {tabs.map((tab) => (
            <Tabs.Tab
              key={tab}
              value={tab}
              leftSection={panels[tab].icon}
              rightSection={
                tab === 'received' && needsLook > 0 ? (
                  <Badge size="sm" color="red" variant="light" circle={needsLook < 10}>
                    {needsLook}
                  </Badge>
                ) : undefined
              }
              aria-label={
                tab === 'received' && needsLook > 0 ? `${panels[tab].label} (${needsLook} failed)` : undefined
              }
            >
              {panels[tab].label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab} value={tab}>
            {panels[tab].content()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
