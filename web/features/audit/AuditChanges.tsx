import { Code, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../../contracts/audit';

function ChangeValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') {
    return (
      <Text span fz="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return (
      <Text span fz="sm" style={{ wordBreak: 'break-word' }}>
        {String(value)}
      </Text>
    );
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.length === 0 ? (
      <Text span fz="sm" c="dimmed" fs="italic">
        none
      </Text>
    ) : (
      <Text span fz="sm">
        {value.join(', ')}
      </Text>
    );
  }
  return (
    <Code block fz="xs">
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** The before and after of each field an audited action changed. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const fields = Object.entries(entry.changes);
  if (fields.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        No field changes were recorded for this action.
      </Text>
    );
  }
  return (
    <Table withTableBorder withColumnBorders fz="sm" aria-label={`Changes in entry ${entry.id}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">Field</Table.Th>
          <Table.Th w="40%">Before</Table.Th>
          <Table.Th w="40%">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map(([field, change]) => (
          <Table.Tr key={field}>
            <Table.Td>
              <Code>{field}</Code>
            </Table.Td>
            <Table.Td>
              <ChangeValue value={change.before} />
            </Table.Td>
            <Table.Td>
              <ChangeValue value={change.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
