import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table, VisuallyHidden } from '@mantine/core';
import type { Board } from '../../../contracts/board';

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Today's incoming against solved tickets, by hour: bars for the eye (blue and orange, told apart
 * with colour blindness and by the legend), the same figures as a table for screen readers.
 */
export function TodayChart({ today, height = 220 }: { today: Board['today']; height?: number }) {
  const data = today.hours.map((h) => ({ hour: hourLabel(h.hour), Incoming: h.incoming, Solved: h.solved }));
  return (
    <>
      <div aria-hidden="true">
        <BarChart
          h={height}
          data={data}
          dataKey="hour"
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          series={[
            { name: 'Incoming', color: 'blue.7' },
            { name: 'Solved', color: 'orange.6' },
          ]}
          tickLine="y"
          gridAxis="y"
          withTooltip
          // The table below is the accessible view; the drawing takes no keyboard focus.
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <VisuallyHidden>
        <Table aria-label={`Incoming and solved tickets by hour today (${today.timezone})`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Hour</Table.Th>
              <Table.Th scope="col">Incoming</Table.Th>
              <Table.Th scope="col">Solved</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {today.hours.map((h) => (
              <Table.Tr key={h.hour}>
                <Table.Th scope="row">{hourLabel(h.hour)}</Table.Th>
                <Table.Td>{h.incoming}</Table.Td>
                <Table.Td>{h.solved}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}
