import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Group, Paper, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { TableFrame } from './TableFrame';

const chartColors = [
  'blue.7',
  'teal.8',
  'orange.8',
  'grape.7',
  'red.8',
  'cyan.8',
  'lime.9',
  'pink.7',
  'indigo.7',
  'yellow.8',
  'gray.7',
];

export interface SeriesChartProps {
  title: string;
  /** The heading of the table view's first column ("Day", "Week of"). */
  bucketLabel: string;
  keys: { key: string; label: string }[];
  /** One per bucket: `bucket` and each key's value. */
  points: Record<string, string | number | null>[];
  format?: (value: number | null) => string;
}

/** A line chart of series over time with a table view (the accessible one) behind a switch. */
export function SeriesChart({ title, bucketLabel, keys, points, format }: SeriesChartProps) {
  const [asTable, setAsTable] = useState(false);
  const show = (v: string | number | null | undefined) =>
    format && (typeof v === 'number' || v === null) ? format(v) : String(v ?? '');
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{title}</Text>
        <Switch
          label="Show as a table"
          checked={asTable}
          onChange={(e) => setAsTable(e.currentTarget.checked)}
        />
      </Group>
      {asTable ? (
        <TableFrame minWidth={360}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{bucketLabel}</Table.Th>
                {keys.map((k) => (
                  <Table.Th key={k.key}>{k.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={String(p.bucket)}>
                  <Table.Td>{String(p.bucket)}</Table.Td>
                  {keys.map((k) => (
                    <Table.Td key={k.key}>{show(p[k.key])}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableFrame>
      ) : (
        <>
          <LineChart
            h={260}
            data={points}
            dataKey="bucket"
            withLegend
            curveType="linear"
            connectNulls
            series={keys.map((k, i) => ({
              name: k.key,
              label: k.label,
              color: chartColors[i % chartColors.length],
            }))}
            // The table view is the accessible one; the drawing is hidden and takes no keyboard focus.
            lineChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <Text size="xs" c="dimmed" mt="xs">
            The same figures are in the table view.
          </Text>
        </>
      )}
    </Paper>
  );
}
