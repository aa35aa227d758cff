import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import {
  defaultNpsQuestion,
  type NpsCadence,
  type NpsCampaign,
  type NpsSegment,
  npsCadences,
} from '../../../contracts/nps';
import { errorMessage } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { useOrganizationOptions } from '../customers/customers.queries';
import { useCreateCampaign, useUpdateCampaign } from './campaigns.queries';

export const cadenceLabels: Record<NpsCadence, string> = {
  once: 'Once',
  monthly: 'Every month',
  quarterly: 'Every three months',
};

const orList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/** A segment as a sentence: "Customers of Acme, tagged vip, on the Gold plan, with a ticket in the last 90 days." */
export function segmentInWords(segment: NpsSegment, orgName: (id: number) => string): string {
  const parts = ['Every customer with an email address'];
  if (segment.organizationIds.length > 0) parts.push(`at ${orList(segment.organizationIds.map(orgName))}`);
  if (segment.tags.length > 0) parts.push(`tagged ${orList(segment.tags)}`);
  if (segment.plans.length > 0)
    parts.push(`whose organisation has a running ${orList(segment.plans)} contract`);
  if (segment.activeDays !== null) parts.push(`who opened a ticket in the last ${segment.activeDays} days`);
  return `${parts.join(', ')}.`;
}

/** `datetime-local` wants local time without a zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Draft {
  name: string;
  question: string;
  cadence: NpsCadence;
  startsAt: string;
  organizationIds: string[];
  tags: string[];
  plans: string[];
  activeDays: number | null;
}

function draftOf(campaign: NpsCampaign | null): Draft {
  return {
    name: campaign?.name ?? '',
    question: campaign?.question ?? defaultNpsQuestion,
    cadence: campaign?.cadence ?? 'once',
    startsAt: localInput(campaign?.startsAt ?? new Date(Date.now() + 3_600_000).toISOString()),
    organizationIds: (campaign?.segment.organizationIds ?? []).map(String),
    tags: campaign?.segment.tags ?? [],
    plans: campaign?.segment.plans ?? [],
    activeDays: campaign?.segment.activeDays ?? null,
  };
}

/** Creates or edits a campaign: its question, who it asks (read back as a sentence) and when. */
export function CampaignEditor({
  campaign,
  opened,
  onClose,
  orgNames,
}: {
  campaign: NpsCampaign | null;
  opened: boolean;
  onClose: () => void;
  /** Organisation names already known (from the campaigns shown). */
  orgNames: Map<number, string>;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(campaign));
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const known = useRef(new Map(orgNames));
  const options = useOrganizationOptions(search);
  for (const o of options.data ?? []) known.current.set(Number(o.value), o.label);
  const data = [
    ...new Map(
      [
        ...draft.organizationIds.map((id) => ({
          value: id,
          label: known.current.get(Number(id)) ?? `#${id}`,
        })),
        ...(options.data ?? []),
      ].map((o) => [o.value, o]),
    ).values(),
  ];
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const segment: NpsSegment = {
    organizationIds: draft.organizationIds.map(Number),
    tags: draft.tags,
    plans: draft.plans,
    activeDays: draft.activeDays,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const startsAt = new Date(draft.startsAt);
    if (!draft.name.trim()) return setError('Give the campaign a name.');
    if (Number.isNaN(startsAt.getTime())) return setError('Pick when the campaign starts.');
    const body = {
      name: draft.name.trim(),
      question: draft.question.trim() || defaultNpsQuestion,
      cadence: draft.cadence,
      startsAt: startsAt.toISOString(),
      segment,
    };
    const done = {
      onSuccess: () => {
        notifySuccess(campaign ? 'The campaign is saved.' : 'The campaign is created as a draft.', 'Saved');
        onClose();
      },
      onError: (e: unknown) => setError(errorMessage(e)),
    };
    if (campaign) update.mutate({ id: campaign.id, body }, done);
    else create.mutate({ ...body, status: 'draft' }, done);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={campaign ? 'Edit campaign' : 'New NPS campaign'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            required
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            maxLength={120}
          />
          <TextInput
            label="Question"
            description="{company} becomes the company name from the NPS settings. Customers answer 0–10 and may add a comment."
            value={draft.question}
            onChange={(e) => set({ question: e.currentTarget.value })}
            maxLength={300}
          />
          <Text fw={600} fz="sm">
            Who is asked
          </Text>
          <MultiSelect
            label="Organisations"
            placeholder="Any organisation"
            searchable
            data={data}
            value={draft.organizationIds}
            onChange={(value) => set({ organizationIds: value })}
            onSearchChange={setSearch}
            searchValue={search}
          />
          <TagsInput
            label="Customer tags"
            placeholder="Any tag; press Enter after each"
            value={draft.tags}
            onChange={(value) => set({ tags: value })}
          />
          <TagsInput
            label="Contract plans"
            placeholder="Any plan; press Enter after each"
            value={draft.plans}
            onChange={(value) => set({ plans: value })}
          />
          <NumberInput
            label="Active in the last (days)"
            description="Only customers who opened a ticket in this many days; empty: anyone"
            min={1}
            max={3650}
            value={draft.activeDays ?? ''}
            onChange={(value) => set({ activeDays: typeof value === 'number' ? value : null })}
          />
          <Text fz="sm" c="dimmed" aria-live="polite">
            {segmentInWords(segment, (id) => known.current.get(id) ?? `#${id}`)}
          </Text>
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label="How often"
              data={npsCadences.map((c) => ({ value: c, label: cadenceLabels[c] }))}
              value={draft.cadence}
              onChange={(value) => value && set({ cadence: value as NpsCadence })}
              allowDeselect={false}
            />
            <TextInput
              type="datetime-local"
              label="First run"
              value={draft.startsAt}
              onChange={(e) => set({ startsAt: e.currentTarget.value })}
            />
          </Group>
          {error && (
            <Text c="red.8" fz="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {campaign ? 'Save' : 'Create draft'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
