import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconLock, IconMessage } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { Macro } from '../../../contracts/macros';
import type { Ticket } from '../../../contracts/tickets';
import { errorMessage, isApiError } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { MessageBody } from '../../components/MessageBody';
import { useApplyMacro, useMacroPreview } from './macros.queries';

/** The picker's second step: what the macro would change, in words, and its text; then apply it. */
export function MacroPreviewStep({
  macro,
  ticket,
  onBack,
  onApplied,
}: {
  macro: Macro;
  ticket: Ticket;
  onBack: () => void;
  onApplied: (text: { body: string; internal: boolean }) => void;
}) {
  const preview = useMacroPreview(macro.id, ticket.id, ticket.version);
  const apply = useApplyMacro(ticket.id);
  const [stale, setStale] = useState(false);
  // Once the changes show, Enter applies them.
  const applyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (preview.isSuccess) applyButton.current?.focus();
  }, [preview.isSuccess]);

  const run = () =>
    apply.mutate(
      { id: macro.id, version: ticket.version },
      {
        onSuccess: (result) => onApplied({ body: result.reply.body, internal: result.reply.internal }),
        onError: (error) => setStale(isApiError(error, 'TICKET_VERSION_CONFLICT')),
      },
    );

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="nowrap">
        <Text fw={600}>{macro.name}</Text>
        {macro.description && (
          <Text fz="sm" c="dimmed" truncate>
            {macro.description}
          </Text>
        )}
      </Group>
      {preview.isPending ? (
        <LoadingState variant="block" label="Working out what it would do" />
      ) : preview.isError ? (
        <ErrorState
          error={preview.error}
          title="The preview could not be shown"
          onRetry={() => void preview.refetch()}
        />
      ) : (
        <>
          <Box>
            <Text fz="sm" fw={500} mb={6}>
              Changes to #{ticket.id}
            </Text>
            {preview.data.changes.length === 0 ? (
              <Text fz="sm" c="dimmed">
                None: the ticket stays as it is.
              </Text>
            ) : (
              <Stack
                gap={4}
                component="ul"
                aria-label="Changes to the ticket"
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {preview.data.changes.map((c) => (
                  <Group key={c.field} component="li" gap={6} wrap="wrap">
                    <Text fz="sm" fw={500} miw={80}>
                      {c.label}
                    </Text>
                    <Text fz="sm" c="dimmed" td="line-through">
                      {c.before}
                    </Text>
                    <IconArrowRight size={14} aria-label="becomes" />
                    <Text fz="sm">{c.after}</Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Box>
          <Box>
            <Group gap={4} mb={6}>
              {preview.data.reply.internal ? <IconLock size={14} /> : <IconMessage size={14} />}
              <Text fz="sm" fw={500}>
                {preview.data.reply.internal ? 'Goes into an internal note' : 'Goes into your reply'}
              </Text>
            </Group>
            <Box
              p="sm"
              mah={240}
              style={{
                overflowY: 'auto',
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 'var(--mantine-radius-sm)',
                background: preview.data.reply.internal ? 'var(--steward-note-bg)' : undefined,
              }}
              role="region"
              aria-label="Text of the macro"
            >
              {preview.data.reply.html ? (
                <MessageBody html={preview.data.reply.html} />
              ) : (
                <Text fz="sm" c="dimmed">
                  No text: only the changes above.
                </Text>
              )}
            </Box>
            <Text fz="xs" c="dimmed" mt={4}>
              You can still edit it before sending.
            </Text>
          </Box>
        </>
      )}
      {apply.isError && (
        <Alert
          color={stale ? 'orange' : 'red'}
          role="alert"
          title={stale ? 'The ticket changed meanwhile' : 'Not applied'}
        >
          {stale
            ? 'Someone changed this ticket. Reload it and look at the changes again.'
            : errorMessage(apply.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={14} />} onClick={onBack}>
          Other macros
        </Button>
        <Button
          ref={applyButton}
          onClick={run}
          loading={apply.isPending}
          disabled={!preview.isSuccess || stale}
        >
          Apply macro
        </Button>
      </Group>
    </Stack>
  );
}
