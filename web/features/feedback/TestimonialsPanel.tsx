import { Badge, Button, Group, Menu, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconQuote } from '@tabler/icons-react';
import { useState } from 'react';
import { routes } from '../../../contracts/api';
import {
  type Testimonial,
  type TestimonialSource,
  type TestimonialState,
  testimonialStates,
} from '../../../contracts/testimonials';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { notifyError } from '../../app/notify';
import { useViewerTimeZone } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { TableFrame } from '../../components/TableFrame';
import { TestimonialSettingsCard } from './TestimonialSettingsCard';
import { useSetPublished, useTestimonialSettings, useTestimonials } from './testimonials.queries';

const stateColors: Record<TestimonialState, string> = {
  requested: 'blue',
  approved: 'green',
  declined: 'gray',
  withdrawn: 'orange',
  expired: 'gray',
};
const stateLabels: Record<TestimonialState, string> = {
  requested: 'Requested',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};
const stateOptions = testimonialStates.map((s) => ({ value: s, label: stateLabels[s] }));

/** Under the quote: the name as agreed, or, before consent, whose comment it is. */
function shownAs(t: Testimonial): string {
  if (t.displayName === null) return `${t.customer.name} (not agreed)`;
  return t.displayOrganization ? `${t.displayName}, ${t.displayOrganization}` : t.displayName;
}

function PublishButton({ testimonial }: { testimonial: Testimonial }) {
  const publish = useSetPublished();
  if (testimonial.state !== 'approved') return null;
  return (
    <Button
      size="xs"
      variant="default"
      loading={publish.isPending}
      onClick={() =>
        publish.mutate(
          { id: testimonial.id, published: !testimonial.published },
          { onError: (error) => notifyError(error, 'The testimonial was not changed') },
        )
      }
    >
      {testimonial.published ? 'Unpublish' : 'Publish again'}
    </Button>
  );
}

/** The Testimonials tab: every request with its state, the quote, the name agreed and when; export and unpublish. */
export function TestimonialsPanel({ canManage }: { canManage: boolean }) {
  const zone = useViewerTimeZone();
  const [state, setState] = useState<TestimonialState | null>(null);
  const [source, setSource] = useState<'all' | TestimonialSource>('all');
  const list = useTestimonials({
    ...(state ? { state } : {}),
    ...(source !== 'all' ? { source } : {}),
  });
  const settings = useTestimonialSettings();
  const exportUrl = (format: 'csv' | 'json') => api.urlOf(routes.testimonials.export, {}, { format });
  return (
    <Stack gap="md">
      <Text c="dimmed" fz="sm" maw={720}>
        Promoters who left a comment (NPS 9–10, or the best CSAT rating) are asked whether we may quote them.
        Only approved, published quotes are exported, named exactly as the customer chose.
      </Text>
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label="State"
            placeholder="Any state"
            data={stateOptions}
            value={state}
            onChange={(v) => setState(v as TestimonialState | null)}
            clearable
            w={180}
          />
          <SegmentedControl
            aria-label="Survey"
            value={source}
            onChange={(v) => setSource(v as 'all' | TestimonialSource)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'nps', label: 'NPS' },
              { value: 'csat', label: 'CSAT' },
            ]}
          />
        </Group>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} />}>
              Export approved
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={exportUrl('csv')} download>
              CSV
            </Menu.Item>
            <Menu.Item component="a" href={exportUrl('json')} download>
              JSON
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading the testimonials" />
      ) : list.isError ? (
        <ErrorState
          error={list.error}
          title="The testimonials could not be loaded"
          onRetry={() => void list.refetch()}
          retrying={list.isRefetching}
        />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<IconQuote size={28} stroke={1.5} />}
          title={state || source !== 'all' ? 'No testimonials match' : 'No testimonial requests yet'}
          description="A request goes out shortly after a promoter leaves a comment (see the delay below)."
        />
      ) : (
        <TableFrame minWidth={860}>
          <Table verticalSpacing="sm" aria-label="Testimonials">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={130}>State</Table.Th>
                <Table.Th>Quote</Table.Th>
                <Table.Th>Shown as</Table.Th>
                <Table.Th>Consent given</Table.Th>
                {canManage && <Table.Th>List</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      <Badge color={stateColors[t.state]} variant="light">
                        {stateLabels[t.state]}
                      </Badge>
                      {t.state === 'approved' && !t.published && (
                        <Badge color="gray" variant="outline">
                          Unpublished
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td maw={420}>
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      “{t.quote}”
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t.source === 'nps' ? `NPS ${t.score}` : `CSAT ${t.score}`} · {t.customer.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{shownAs(t)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{t.consentedAt ? formatDateTime(t.consentedAt, zone) : '—'}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <PublishButton testimonial={t} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
      {settings.isSuccess && (
        <TestimonialSettingsCard
          key={settings.data.updatedAt ?? 'default'}
          settings={settings.data}
          canManage={canManage}
        />
      )}
    </Stack>
  );
}
