import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { inboxShortcuts } from './shortcuts';

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Text fz="sm" c="dimmed" mb="sm">
        Shortcuts work when you are not typing in a box.
      </Text>
      <Table aria-label="Keyboard shortcuts" verticalSpacing={6}>
        <Table.Tbody>
          {inboxShortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.description}>
              <Table.Td w={120}>
                <Group gap={4} wrap="nowrap">
                  {shortcut.keys.map((key) => (
                    <Kbd key={key}>{key}</Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{shortcut.description}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
