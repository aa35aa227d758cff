import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Table, VisuallyHidden } from '@mantine/core';
import type { DataQualityOverview } from '../../../contracts/data-quality';

const dayOf = (iso: string) => iso.slice(0, 10);

/** The score over time as a line, and the same figures as a table for screen readers. */
export function ScoreChart({ history }: { history: DataQualityOverview['history'] }) {
  const data = history.map((h) => ({ day: dayOf(h.ranAt), Score: h.score }));
  return (
    <>
      <div aria-hidden="true">
        <LineChart
          h={220}
          data={data}
          dataKey="day"
          series={[{ name: 'Score', color: 'blue.7' }]}
          yAxisProps={{ domain: [0, 100] }}
          curveType="linear"
          withDots={data.length < 40}
          gridAxis="y"
          // The table below is the accessible view; the drawing takes no keyboard focus.
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <VisuallyHidden>
        <Table aria-label="Data-quality score by run">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Ran at</Table.Th>
              <Table.Th scope="col">Run</Table.Th>
              <Table.Th scope="col">Score</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((h) => (
              <Table.Tr key={h.ranAt}>
                <Table.Th scope="row">{h.ranAt}</Table.Th>
                <Table.Td>{h.trigger === 'daily' ? 'Daily' : 'Asked for'}</Table.Td>
                <Table.Td>{h.score}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}
