import { Alert, Badge, List, Stack, Table, Text } from '@mantine/core';
import type { DryRunResult } from '../../../contracts/automation';
import { priorityLabels, statusLabels, typeLabels } from '../../app/ticketLabels';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Which tickets a rule matched in a dry run, and what it would change on each. */
export function DryRunTable({
  result,
  matchedOnly = false,
}: {
  result: DryRunResult;
  matchedOnly?: boolean;
}) {
  const rows = matchedOnly ? result.data : result.data.filter((d) => d.matched);
  if (rows.length === 0)
    return (
      <Alert color="gray" title="No ticket would match" role="status">
        None of the {count(result.checked, 'ticket', 'tickets')} looked at matches these conditions.
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Text fz="sm" role="status">
        {count(result.matched, 'ticket', 'tickets')} of the {result.checked} looked at would match.
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table striped fz="sm" aria-label="Dry run">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ticket</Table.Th>
              <Table.Th>Now</Table.Th>
              <Table.Th>Would change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.ticketId}>
                <Table.Td>
                  <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    #{d.ticketId} {d.subject}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="xs" c="dimmed">
                    {statusLabels[d.status]} · {priorityLabels[d.priority]} · {typeLabels[d.type]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {d.changes.length === 0 ? (
                    <Badge color="gray" variant="light" tt="none">
                      Nothing: already so
                    </Badge>
                  ) : (
                    <List size="sm" spacing={2}>
                      {d.changes.map((c) => (
                        <List.Item key={c}>{c}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
