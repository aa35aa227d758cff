import { Alert, Box, Text } from '@mantine/core';
import { errorMessage } from '../../app/api';
import { LoadingState } from '../../components/LoadingState';
import { MessageBody } from '../../components/MessageBody';
import { useMessagePreview } from '../tickets/tickets.queries';

/** A reply or note as it will read, rendered by the server by the same rules as a sent message. */
export function ReplyPreview({ ticketId, body }: { ticketId: number; body: string }) {
  const preview = useMessagePreview(ticketId, body, true);
  return (
    <Box
      aria-label="Preview"
      role="region"
      p="sm"
      mih={96}
      mah={360}
      style={{
        overflowY: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      {!body.trim() ? (
        <Text fz="sm" c="dimmed">
          Nothing to preview yet.
        </Text>
      ) : preview.isPending ? (
        <LoadingState variant="block" label="Rendering the preview" />
      ) : preview.isError ? (
        <Alert color="red" p="xs" title="The preview could not be shown">
          {errorMessage(preview.error)}
        </Alert>
      ) : (
        <MessageBody html={preview.data.html} />
      )}
    </Box>
  );
}
