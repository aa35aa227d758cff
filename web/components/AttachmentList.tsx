import { Anchor, Group, Paper, Text } from '@mantine/core';
import { IconFile, IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import type { Attachment } from '../../contracts/tickets';

/** "1.2 MB", "340 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function iconFor(contentType: string) {
  if (contentType.startsWith('image/')) return IconPhoto;
  if (contentType === 'application/pdf') return IconFileTypePdf;
  return IconFile;
}

/** Files sent with a message, each a download link with its size. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" role="list" aria-label="Attachments">
      {attachments.map((file) => {
        const Icon = iconFor(file.contentType);
        return (
          <Paper key={file.id} withBorder radius="sm" px="xs" py={4} role="listitem">
            <Group gap={6} wrap="nowrap">
              <Icon size={16} stroke={1.5} aria-hidden />
              <Anchor href={file.url} fz="xs" target="_blank" rel="noopener" maw={220} truncate="end">
                {file.filename}
              </Anchor>
              <Text fz="xs" c="dimmed">
                {formatBytes(file.size)}
              </Text>
            </Group>
          </Paper>
        );
      })}
    </Group>
  );
}
