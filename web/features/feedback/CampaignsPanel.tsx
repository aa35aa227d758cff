import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { NpsAnswer, NpsCampaign, NpsSettings, NpsStatus } from '../../../contracts/nps';
import { formatDateTime } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import { useViewerTimeZone } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { TableFrame } from '../../components/TableFrame';
import { Figure, percent } from './AnswerParts';
import { CampaignEditor, cadenceLabels, segmentInWords } from './CampaignEditor';
import {
  useCampaignResults,
  useCampaigns,
  useNpsSettings,
  useUpdateCampaign,
  useUpdateNpsSettings,
} from './campaigns.queries';

const statusColors: Record<NpsStatus, string> = {
  draft: 'gray',
  active: 'green',
  paused: 'yellow',
  finished: 'blue',
};
const groupColors = { promoter: 'green', passive: 'yellow', detractor: 'red' } as const;
const nps = (value: number | null) => (value === null ? '—' : String(Math.round(value)));

function NpsSettingsCard({ settings, canManage }: { settings: NpsSettings; canManage: boolean }) {
  const [draft, setDraft] = useState(settings);
  const save = useUpdateNpsSettings();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { company: draft.company.trim() || 'Our company', capDays: draft.capDays, linkDays: draft.linkDays },
      {
        onSuccess: () => notifySuccess('The NPS settings are saved.', 'Saved'),
        onError: (error) => notifyError(error, 'The settings were not saved'),
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="nps-settings-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="nps-settings-title">
            For every campaign
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Company name"
              description="Replaces {company} in the question"
              value={draft.company}
              onChange={(e) => setDraft({ ...draft, company: e.currentTarget.value })}
              disabled={!canManage}
              maxLength={80}
            />
            <NumberInput
              label="Ask a customer at most every (days)"
              description="Across all campaigns; 0 turns the cap off"
              min={0}
              max={730}
              value={draft.capDays}
              onChange={(v) => setDraft({ ...draft, capDays: typeof v === 'number' ? v : 0 })}
              disabled={!canManage}
            />
            <NumberInput
              label="Links work for (days)"
              min={1}
              max={365}
              value={draft.linkDays}
              onChange={(v) => setDraft({ ...draft, linkDays: typeof v === 'number' ? v : 1 })}
              disabled={!canManage}
            />
          </SimpleGrid>
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function schedule(c: NpsCampaign, zone: string): string {
  if (c.status === 'active' && c.nextRunAt)
    return `${cadenceLabels[c.cadence]}; next ${formatDateTime(c.nextRunAt, zone)}`;
  if (c.lastRunAt) return `${cadenceLabels[c.cadence]}; last sent ${formatDateTime(c.lastRunAt, zone)}`;
  return `${cadenceLabels[c.cadence]}; from ${formatDateTime(c.startsAt, zone)}`;
}

/** Activate, pause, resume or finish, as the status allows. */
function StatusActions({ campaign }: { campaign: NpsCampaign }) {
  const update = useUpdateCampaign();
  const to = (status: NpsStatus, done: string) =>
    update.mutate(
      { id: campaign.id, body: { status } },
      {
        onSuccess: () => notifySuccess(done, 'Saved'),
        onError: (error) => notifyError(error, 'The campaign was not changed'),
      },
    );
  const buttons: { status: NpsStatus; label: string; done: string }[] = [];
  if (campaign.status === 'draft' || campaign.status === 'paused')
    buttons.push({
      status: 'active',
      label: campaign.status === 'draft' ? 'Activate' : 'Resume',
      done: 'The campaign is active.',
    });
  if (campaign.status === 'active')
    buttons.push({ status: 'paused', label: 'Pause', done: 'The campaign is paused.' });
  if (campaign.status !== 'finished' && campaign.runs > 0)
    buttons.push({ status: 'finished', label: 'Finish', done: 'The campaign is finished.' });
  return (
    <>
      {buttons.map((b) => (
        <Button
          key={b.status}
          variant="light"
          loading={update.isPending}
          onClick={() => to(b.status, b.done)}
        >
          {b.label}
        </Button>
      ))}
    </>
  );
}

function AnswerRow({ answer, zone }: { answer: NpsAnswer; zone: string }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`Answer from ${answer.customer.name}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Badge color={groupColors[answer.group]} variant="light">
              {answer.score} · {answer.group}
            </Badge>
            <Text fz="sm" fw={600}>
              {answer.customer.name}
            </Text>
            {answer.organization && (
              <Text fz="sm" c="dimmed">
                {answer.organization.name}
              </Text>
            )}
          </Group>
          <Text fz="xs" c="dimmed">
            {formatDateTime(answer.answeredAt, zone)}
          </Text>
        </Group>
        {answer.comment ? (
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {answer.comment}
          </Text>
        ) : (
          <Text fz="sm" c="dimmed">
            No comment
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** One campaign: its score, groups, response rate, who it asks, and every answer. */
function CampaignResults({ id, canManage }: { id: number; canManage: boolean }) {
  const zone = useViewerTimeZone();
  const results = useCampaignResults(id);
  const [editing, setEditing] = useState(false);
  if (results.isPending) return <LoadingState variant="block" label="Loading the campaign" />;
  if (results.isError)
    return (
      <ErrorState
        error={results.error}
        title="This campaign could not be loaded"
        onRetry={() => void results.refetch()}
        retrying={results.isRefetching}
      />
    );
  const r = results.data;
  const c = r.campaign;
  const orgNames = new Map(
    r.answers.flatMap((a) => (a.organization ? [[a.organization.id, a.organization.name] as const] : [])),
  );
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/feedback/campaigns" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> All campaigns
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} fz="h3">
              {c.name}
            </Title>
            <Badge color={statusColors[c.status]} variant="light">
              {c.status}
            </Badge>
          </Group>
          <Text fz="sm" c="dimmed">
            {schedule(c, zone)}
          </Text>
          <Text fz="sm">
            {segmentInWords(c.segment, (oid) => orgNames.get(oid) ?? `organisation #${oid}`)}
          </Text>
        </Stack>
        {canManage && (
          <Group gap="xs">
            <StatusActions campaign={c} />
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label="NPS" value={nps(r.nps)} hint="% promoters − % detractors" />
        <Figure
          label="Promoters · passives · detractors"
          value={`${r.promoters} · ${r.passives} · ${r.detractors}`}
          hint="9–10 · 7–8 · 0–6"
        />
        <Figure
          label="Response rate"
          value={percent(r.responseRate)}
          hint={`${r.answered} of ${r.sent} mails answered`}
        />
        <Figure
          label="Left out"
          value={String(c.skippedCap + c.skippedUnsubscribed)}
          hint={`${c.skippedCap} asked too recently, ${c.skippedUnsubscribed} unsubscribed`}
        />
      </SimpleGrid>
      <Title order={3} fz="h4">
        Answers
      </Title>
      {r.answers.length === 0 ? (
        <EmptyState
          title="No answers yet"
          description="Answers appear here as customers send them."
          size="sm"
        />
      ) : (
        <Stack gap="sm">
          {r.answers.map((a) => (
            <AnswerRow key={a.id} answer={a} zone={zone} />
          ))}
        </Stack>
      )}
      {editing && (
        <CampaignEditor campaign={c} opened onClose={() => setEditing(false)} orgNames={orgNames} />
      )}
    </Stack>
  );
}

/** The campaigns tab: every campaign with its score, the settings they share, and one campaign's results. */
export function CampaignsPanel({ campaignId, canManage }: { campaignId: number | null; canManage: boolean }) {
  const zone = useViewerTimeZone();
  const campaigns = useCampaigns();
  const settings = useNpsSettings();
  const [creating, setCreating] = useState(false);
  if (campaignId !== null) return <CampaignResults id={campaignId} canManage={canManage} />;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" fz="sm" maw={640}>
          Ask customers how likely they are to recommend you (0–10), once or on a schedule. Each mail has its
          own link and a one-click unsubscribe.
        </Text>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New campaign
          </Button>
        )}
      </Group>
      {campaigns.isPending ? (
        <LoadingState label="Loading the campaigns" />
      ) : campaigns.isError ? (
        <ErrorState
          error={campaigns.error}
          title="The campaigns could not be loaded"
          onRetry={() => void campaigns.refetch()}
          retrying={campaigns.isRefetching}
        />
      ) : campaigns.data.length === 0 ? (
        <EmptyState
          icon={<IconSpeakerphone size={28} stroke={1.5} />}
          title="No campaigns yet"
          description="Create one to ask a group of customers how likely they are to recommend you."
        />
      ) : (
        <TableFrame minWidth={760}>
          <Table verticalSpacing="sm" aria-label="NPS campaigns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Campaign</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Schedule</Table.Th>
                <Table.Th ta="right">Sent</Table.Th>
                <Table.Th ta="right">Answered</Table.Th>
                <Table.Th ta="right">NPS</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/feedback/campaigns/${c.id}`} fw={600}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[c.status]} variant="light">
                      {c.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{schedule(c, zone)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{c.sent}</Table.Td>
                  <Table.Td ta="right">{c.answered}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {nps(c.nps)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
      {settings.isSuccess && (
        <NpsSettingsCard
          key={settings.data.updatedAt ?? 'default'}
          settings={settings.data}
          canManage={canManage}
        />
      )}
      {creating && (
        <CampaignEditor campaign={null} opened onClose={() => setCreating(false)} orgNames={new Map()} />
      )}
    </Stack>
  );
}
