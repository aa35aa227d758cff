import '@mantine/charts/styles.css';
import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Paper,
  Popover,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { DrillMetric, PainPoints, Report, ReportFigure } from '../../../contracts/reports';
import { SeriesChart } from '../../components/SeriesChart';
import { TableFrame } from '../../components/TableFrame';
import { formatValue } from './formatValue';

// How a report reads on a page: its figures against the previous period, its series (a chart
// with a table view for screen readers), its table, and the pain-point drivers with examples.
// The Reports page and the public page of a shared report both show it.

function Change({ figure }: { figure: ReportFigure }) {
  if (figure.value === null || figure.previous === null)
    return (
      <Text size="xs" c="dimmed">
        no comparison
      </Text>
    );
  const diff = figure.value - figure.previous;
  const text =
    figure.unit === 'count'
      ? `${diff >= 0 ? '+' : ''}${diff}`
      : `${diff >= 0 ? '+' : ''}${formatValue(Math.abs(diff), figure.unit).replace(/^/, diff < 0 ? '−' : '')}`;
  return (
    <Text size="xs" c="dimmed">
      {text} vs previous ({formatValue(figure.previous, figure.unit)})
    </Text>
  );
}

function Definition({ label, text }: { label: string; text: string }) {
  return (
    <Popover width={280} withArrow shadow="md" position="bottom">
      <Popover.Target>
        <ActionIcon variant="subtle" size="sm" color="gray" aria-label={`What “${label}” means`}>
          <IconInfoCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm">{text}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}

function FigureCard({
  figure,
  onDrill,
}: {
  figure: ReportFigure;
  onDrill?: (m: DrillMetric, label: string) => void;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {figure.label}
        </Text>
        <Definition label={figure.label} text={figure.definition} />
      </Group>
      {figure.drill && onDrill ? (
        <Anchor
          component="button"
          type="button"
          fz={26}
          fw={700}
          onClick={() => onDrill(figure.drill as DrillMetric, figure.label)}
          aria-label={`${figure.label}: ${formatValue(figure.value, figure.unit)}, show the tickets`}
        >
          {formatValue(figure.value, figure.unit)}
        </Anchor>
      ) : (
        <Text fz={26} fw={700}>
          {formatValue(figure.value, figure.unit)}
        </Text>
      )}
      <Change figure={figure} />
    </Paper>
  );
}

function SeriesView({ series }: { series: NonNullable<Report['series']> }) {
  return (
    <SeriesChart
      title={`Over time, by ${series.grain}`}
      bucketLabel={series.grain === 'day' ? 'Day' : 'Hour'}
      keys={series.keys}
      points={series.points}
    />
  );
}

function DataTable({ table }: { table: NonNullable<Report['table']> }) {
  return (
    <Paper withBorder p="md" radius="md">
      <TableFrame minWidth={420}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.key}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r) => (
              <Table.Tr key={String(r[table.columns[0]?.key ?? ''])}>
                {table.columns.map((c) => (
                  <Table.Td key={c.key}>
                    {typeof r[c.key] === 'number' && c.unit
                      ? formatValue(r[c.key] as number, c.unit)
                      : String(r[c.key] ?? '—')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Paper>
  );
}

const kindLabels = { category: 'Category', tag: 'Tag', theme: 'Theme' } as const;
const changeOf = (now: number, before: number) => {
  const diff = now - before;
  return diff === 0 ? 'no change' : `${diff > 0 ? '+' : '−'}${Math.abs(diff)} vs previous`;
};

/** Example comments as plain text (never markup), quoted. */
function Examples({ list }: { list: string[] }) {
  if (list.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No negative comment in the period.
      </Text>
    );
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
      {[...new Set(list)].map((text) => (
        <Text component="li" key={text} size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
          “{text}”
        </Text>
      ))}
    </Stack>
  );
}

function DriverList<T extends { kind: keyof typeof kindLabels; name: string; examples: string[] }>({
  title,
  empty,
  list,
  figure,
}: {
  title: string;
  empty: string;
  list: T[];
  figure: (d: T) => string;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
          {list.map((d) => (
            <Stack component="li" key={`${d.kind}-${d.name}`} gap={4}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" size="sm">
                  {kindLabels[d.kind]}
                </Badge>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {d.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {figure(d)}
                </Text>
              </Group>
              <Examples list={d.examples} />
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function PainPointsView({ points }: { points: PainPoints }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <DriverList
        title="Top drivers of contacts"
        empty="No ticket was opened in the period."
        list={points.contacts}
        figure={(d) =>
          `${d.tickets} tickets · ${formatValue(d.share, 'percent')} · ${changeOf(d.tickets, d.previous)}`
        }
      />
      <DriverList
        title="Top drivers of dissatisfaction"
        empty="No negative answer in the period."
        list={points.dissatisfaction}
        figure={(d) =>
          `${d.negative} negative of ${d.answers} answers · ${formatValue(d.negativeRate, 'percent')}`
        }
      />
    </SimpleGrid>
  );
}

/** A whole report: figures, then the pain points, or the series and the table. */
export function ReportBody({
  report,
  onDrill,
}: {
  report: Report;
  onDrill?: (m: DrillMetric, label: string) => void;
}) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {report.figures.map((f) => (
          <FigureCard key={f.key} figure={f} onDrill={onDrill} />
        ))}
      </SimpleGrid>
      {report.painPoints ? <PainPointsView points={report.painPoints} /> : null}
      {report.series ? <SeriesView series={report.series} /> : null}
      {report.table && !report.painPoints ? <DataTable table={report.table} /> : null}
    </>
  );
}
