import { Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import {
  type DataQualityFinding,
  type DataQualityItem,
  type DataQualityOverview,
  dataQualityChecks,
} from '../../../contracts/data-quality';
import { notifyError, notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { NumberSettingForm } from '../../components/NumberSettingForm';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import {
  useDataQuality,
  useFixDeactivatedAssignees,
  useRunChecks,
  useUpdateDataQualitySettings,
} from './data-quality.queries';
import { ScoreChart } from './ScoreChart';

const linkOf = (item: DataQualityItem) =>
  item.kind === 'ticket'
    ? `/inbox/all/tickets/${item.id}`
    : item.kind === 'customer'
      ? `/customers/${item.id}`
      : `/organizations/${item.id}`;

const scoreColor = (score: number) => (score >= 90 ? 'teal' : score >= 70 ? 'yellow' : 'red');

function FixButton({ finding }: { finding: DataQualityFinding }) {
  const fix = useFixDeactivatedAssignees();
  const ids = finding.items.map((i) => i.id);
  return (
    <Button
      size="xs"
      loading={fix.isPending}
      onClick={() =>
        fix.mutate(ids, {
          onSuccess: (r) =>
            notifySuccess(
              `${r.fixed.length} ${r.fixed.length === 1 ? 'ticket' : 'tickets'} unassigned; routing or the team queue picks them up.`,
              'Fixed',
            ),
          onError: (e) => notifyError(e, 'The tickets could not be unassigned'),
        })
      }
    >
      Unassign {ids.length === 1 ? 'this ticket' : `these ${ids.length} tickets`}
    </Button>
  );
}

function CheckCard({ finding }: { finding: DataQualityFinding }) {
  const check = dataQualityChecks.find((c) => c.key === finding.check);
  if (!check) return null;
  const more = finding.count - finding.items.length;
  return (
    <SectionCard
      title={check.title}
      description={check.fix}
      actions={
        <Badge color={finding.count === 0 ? 'teal' : 'orange'} variant="light" size="lg">
          {finding.count.toLocaleString()} found
        </Badge>
      }
    >
      {finding.count === 0 ? (
        <Group gap="xs">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text fz="sm" c="dimmed">
            Nothing found.
          </Text>
        </Group>
      ) : (
        <Stack gap="sm">
          <List spacing={4} fz="sm" aria-label={check.title}>
            {finding.items.map((item) => (
              <List.Item key={`${item.kind}:${item.id}:${item.relatedId ?? ''}`}>
                <Anchor component={Link} to={linkOf(item)} fz="sm">
                  {item.label}
                </Anchor>{' '}
                <Text span fz="sm" c="dimmed">
                  — {item.detail}
                </Text>
              </List.Item>
            ))}
          </List>
          {more > 0 && (
            <Text fz="sm" c="dimmed">
              And {more.toLocaleString()} more.
            </Text>
          )}
          {finding.check === 'deactivated-assignee' && <FixButton finding={finding} />}
        </Stack>
      )}
    </SectionCard>
  );
}

function Settings({ overview }: { overview: DataQualityOverview }) {
  const update = useUpdateDataQualitySettings();
  return (
    <SectionCard title="Settings" description="When an open ticket with no activity counts as stale.">
      <NumberSettingForm
        value={overview.settings.staleDays}
        label="Stale after"
        unit="days"
        unitWidth={50}
        width={180}
        min={1}
        max={365}
        rangeError="From 1 to 365 days"
        saving={update.isPending}
        save={(staleDays, done) =>
          update.mutate(
            { staleDays },
            { onSuccess: (s) => done.onSuccess(s.staleDays), onError: done.onError },
          )
        }
        savedMessage={(n) =>
          `Open tickets untouched for ${n} ${n === 1 ? 'day' : 'days'} count as stale from the next run.`
        }
      />
    </SectionCard>
  );
}

export function DataQualityPage() {
  usePageTitle('Data quality');
  const overview = useDataQuality();
  const run = useRunChecks();
  const latest = overview.data?.latest ?? null;

  const runButton = (
    <Button
      leftSection={<IconPlayerPlay size={16} />}
      loading={run.isPending}
      onClick={() =>
        run.mutate(undefined, {
          onSuccess: (r) => notifySuccess(`The score is ${r.score}.`, 'Checks ran'),
          onError: (e) => notifyError(e, 'The checks could not run'),
        })
      }
    >
      Run the checks now
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Data quality"
        description="The checks run every day and when you ask; each lists what it found, with a link to fix it."
        actions={runButton}
      />
      {overview.isPending ? (
        <Paper withBorder p="lg" radius="md">
          <LoadingState label="Loading the data-quality checks" rows={6} />
        </Paper>
      ) : overview.isError ? (
        <Paper withBorder radius="md">
          <ErrorState
            error={overview.error}
            title="The data-quality checks could not be loaded"
            onRetry={() => void overview.refetch()}
            retrying={overview.isRefetching}
          />
        </Paper>
      ) : (
        <Stack gap="lg">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <SectionCard
                title="Score over time"
                description="100 minus the weighted share of issues each check finds, over the last 90 days."
              >
                {overview.data.history.length === 0 ? (
                  <EmptyState
                    size="sm"
                    title="No runs yet"
                    description="Run the checks to see the first score."
                  />
                ) : (
                  <ScoreChart history={overview.data.history} />
                )}
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="lg">
                <Paper withBorder p="lg" radius="md" component="section" aria-label="Latest score">
                  <Stack gap={4}>
                    <Text fz="sm" c="dimmed">
                      Latest score
                    </Text>
                    {latest ? (
                      <>
                        <Group gap="sm" align="baseline">
                          <Text fz="2.5rem" fw={700} lh={1}>
                            {latest.score}
                          </Text>
                          <Badge color={scoreColor(latest.score)} variant="light">
                            {latest.score >= 90 ? 'Good' : latest.score >= 70 ? 'Fair' : 'Needs work'}
                          </Badge>
                        </Group>
                        <Text fz="sm" c="dimmed">
                          {latest.trigger === 'daily' ? 'Daily run' : 'Run asked for'}{' '}
                          <RelativeTime value={latest.ranAt} fz="sm" />
                        </Text>
                      </>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        Not run yet.
                      </Text>
                    )}
                  </Stack>
                </Paper>
                <Settings overview={overview.data} />
              </Stack>
            </Grid.Col>
          </Grid>
          {latest ? (
            latest.findings.map((finding) => <CheckCard key={finding.check} finding={finding} />)
          ) : (
            <Paper withBorder radius="md">
              <EmptyState
                title="The checks have not run yet"
                description="They run every day; run them now to see the findings."
                action={runButton}
              />
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
