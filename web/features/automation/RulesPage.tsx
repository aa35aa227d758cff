import { Button } from '@mantine/core';
import { IconBolt, IconClockPlay, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Automation, Trigger } from '../../../contracts/automation';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useAutomations, useTriggers } from './automation.queries';
import { RuleEditorModal, type RuleKind } from './RuleEditorModal';
import { RuleList } from './RuleList';

const texts = {
  trigger: {
    title: 'Triggers',
    description:
      'Rules that run the moment a ticket is created or changed, in this order: each fires at most once per change, and what one changes can set off the ones below it.',
    create: 'New trigger',
    loading: 'Loading triggers',
    failed: 'Triggers could not be loaded',
    emptyTitle: 'No triggers yet',
    empty:
      'A trigger acts on tickets as they arrive or change: e.g. when a ticket is created and its type is complaint, set priority to high and move it to the Complaints team. Test it on the last 100 tickets before you save it.',
  },
  automation: {
    title: 'Automations',
    description:
      'Rules that run every few minutes on open tickets, on time: e.g. pending for 3 business days, remind the customer. Each acts on a ticket once per period.',
    create: 'New automation',
    loading: 'Loading automations',
    failed: 'Automations could not be loaded',
    emptyTitle: 'No automations yet',
    empty:
      'An automation acts on tickets after a time: hours since created, updated, pending, or the customer last wrote.',
  },
} as const;

function RulesPage({ kind }: { kind: RuleKind }) {
  const triggers = useTriggers();
  const automations = useAutomations();
  const list = kind === 'trigger' ? triggers : automations;
  const me = useMe();
  const canManage = can(me.role, 'automation.manage');
  const [editing, setEditing] = useState<Trigger | Automation | null | undefined>(undefined);
  const t = texts[kind];
  const create = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
      {t.create}
    </Button>
  );
  return (
    <>
      <PageHeader title={t.title} description={t.description} actions={create} />
      {list.isPending ? (
        <LoadingState label={t.loading} />
      ) : list.isError ? (
        <ErrorState error={list.error} title={t.failed} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={
            kind === 'trigger' ? (
              <IconBolt size={28} stroke={1.5} />
            ) : (
              <IconClockPlay size={28} stroke={1.5} />
            )
          }
          title={t.emptyTitle}
          description={t.empty}
          action={create}
        />
      ) : (
        <RuleList kind={kind} rules={list.data} canManage={canManage} onEdit={setEditing} />
      )}
      <RuleEditorModal
        kind={kind}
        rule={editing ?? null}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}

export function TriggersPage() {
  return <RulesPage kind="trigger" />;
}

export function AutomationsPage() {
  return <RulesPage kind="automation" />;
}
