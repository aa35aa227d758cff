import {
  ActionIcon,
  Alert,
  Box,
  Button,
  FileButton,
  Group,
  Kbd,
  Loader,
  Menu,
  Pill,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconLock,
  IconMessage,
  IconPaperclip,
  IconRefresh,
  IconSend,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Ticket, TicketStatus } from '../../../contracts/tickets';
import { errorMessage, isApiError } from '../../app/api';
import { type LiveViewer, useReplyingSignal } from '../../app/live';
import { notifySuccess } from '../../app/notify';
import { nextStatuses, statusLabels } from '../../app/ticketLabels';
import { formatBytes } from '../../components/AttachmentList';
import { isOwnVersion, ticketsKeys, useSendMessage, useUploadAttachment } from '../tickets/tickets.queries';
import { type ComposerMode, useDraft } from './drafts';
import { MentionTextarea } from './MentionTextarea';

const MAX_BYTES = 10 * 1024 * 1024;
type SendStatus = Extract<TicketStatus, 'open' | 'pending' | 'on_hold' | 'solved'>;
const sendStatuses: SendStatus[] = ['open', 'pending', 'on_hold', 'solved'];

function isSendStatus(status: TicketStatus): status is SendStatus {
  return (sendStatuses as TicketStatus[]).includes(status);
}

interface ComposerProps {
  ticket: Ticket;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  onClose: () => void;
  /** Colleagues on this ticket, to warn before replying on top of them. */
  others: LiveViewer[];
  /** Focus the text box when it opens (after a shortcut or a click). */
  autoFocus: boolean;
}

export function Composer(props: ComposerProps) {
  // A fresh editor per ticket and mode, so each starts from its own saved draft.
  return <ComposerEditor key={`${props.ticket.id}-${props.mode}`} {...props} />;
}

function ComposerEditor({ ticket, mode, onModeChange, onClose, others, autoFocus }: ComposerProps) {
  const queryClient = useQueryClient();
  const { draft, setDraft, clear } = useDraft(ticket.id, mode);
  const send = useSendMessage(ticket.id);
  const upload = useUploadAttachment(ticket.id);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [uploading, setUploading] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [collision, setCollision] = useState(false);
  const writing = draft.body.trim() !== '' || draft.attachments.length > 0;

  // The version of the ticket the writer has seen. Someone else's change since then is a collision.
  const [seenVersion, setSeenVersion] = useState(ticket.version);
  useEffect(() => {
    if (!writing || isOwnVersion(ticket.id, ticket.version)) setSeenVersion(ticket.version);
  }, [writing, ticket.id, ticket.version]);

  useReplyingSignal(ticket.id, writing);

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);

  const closed = ticket.status === 'closed';
  const replyBlocked = mode === 'reply' && closed;
  const defaultStatus: SendStatus = isSendStatus(ticket.status) ? ticket.status : 'open';
  const statusChoices = nextStatuses(ticket.status).filter(isSendStatus);
  const othersReplying = others.filter((o) => o.replying);

  const addFiles = async (files: File[]) => {
    setFileError(null);
    for (const file of files) {
      if (file.size > MAX_BYTES) {
        setFileError(`${file.name} is ${formatBytes(file.size)}; files can be at most 10 MB.`);
        continue;
      }
      setUploading((n) => n + 1);
      try {
        const attachment = await upload.mutateAsync(file);
        setDraft((d) => ({ ...d, attachments: [...d.attachments, attachment] }));
      } catch (error) {
        setFileError(
          isApiError(error, 'ATTACHMENT_TYPE_REFUSED')
            ? `${file.name} was not attached: ${error.message}`
            : isApiError(error, 'ATTACHMENT_TOO_LARGE')
              ? `${file.name} is too large; files can be at most 10 MB.`
              : `${file.name} was not attached: ${errorMessage(error)}`,
        );
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const submit = (status: SendStatus | undefined) => {
    if (send.isPending || !draft.body.trim() || replyBlocked || collision) return;
    setSendError(null);
    send.mutate(
      {
        kind: mode,
        body: draft.body,
        attachmentIds: draft.attachments.map((a) => a.id),
        status,
        version: seenVersion,
      },
      {
        onSuccess: () => {
          clear();
          notifySuccess(
            mode === 'note'
              ? 'Only your colleagues can see it.'
              : status
                ? `The customer has your reply; the ticket is ${statusLabels[status].toLowerCase()}.`
                : 'The customer has your reply.',
            mode === 'note' ? 'Note added' : 'Reply sent',
          );
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 'TICKET_VERSION_CONFLICT')) {
            setCollision(true);
            return;
          }
          setSendError(errorMessage(error));
        },
      },
    );
  };

  const reviewLatest = async () => {
    await queryClient.invalidateQueries({ queryKey: ticketsKeys.ticket(ticket.id) });
    const fresh = queryClient.getQueryData<Ticket>(ticketsKeys.detail(ticket.id));
    if (fresh) setSeenVersion(fresh.version);
    setCollision(false);
  };

  const note = mode === 'note';
  const busy = send.isPending || uploading > 0;

  return (
    <Box
      p="sm"
      style={{
        borderTop: '1px solid var(--mantine-color-default-border)',
        background: note ? 'var(--steward-note-bg)' : undefined,
      }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <SegmentedControl
            size="xs"
            style={{ flexShrink: 0 }}
            value={mode}
            onChange={(value) => onModeChange(value === 'note' ? 'note' : 'reply')}
            aria-label="Reply or internal note"
            data={[
              {
                value: 'reply',
                label: (
                  <Group gap={4} wrap="nowrap">
                    <IconMessage size={14} /> Reply
                  </Group>
                ),
              },
              {
                value: 'note',
                label: (
                  <Group gap={4} wrap="nowrap">
                    <IconLock size={14} /> Internal note
                  </Group>
                ),
              },
            ]}
          />
          <Text fz="xs" c="dimmed" ta="right" lineClamp={2}>
            {note ? 'Only colleagues see notes. Type @ to mention someone.' : `To ${ticket.requester.name}`}
          </Text>
        </Group>
        {othersReplying.length > 0 && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
            {othersReplying.map((o) => o.name).join(', ')} {othersReplying.length === 1 ? 'is' : 'are'}{' '}
            replying right now.
          </Alert>
        )}
        {collision && (
          <Alert color="orange" role="alert" p="xs" icon={<IconAlertTriangle size={16} />}>
            <Group justify="space-between" gap="xs">
              <Text fz="sm" fw={600}>
                New activity on this ticket — review before sending.
              </Text>
              <Button
                size="compact-xs"
                variant="white"
                leftSection={<IconRefresh size={12} />}
                onClick={reviewLatest}
              >
                Show the latest
              </Button>
            </Group>
          </Alert>
        )}
        {replyBlocked && (
          <Alert color="gray" p="xs">
            This ticket is closed, so it can't get a reply. A new message from the customer opens a follow-up.
            Internal notes still work.
          </Alert>
        )}
        {sendError && (
          <Alert
            color="red"
            role="alert"
            p="xs"
            title={note ? 'The note was not added' : 'The reply was not sent'}
          >
            {sendError}
          </Alert>
        )}
        <MentionTextarea
          ref={textarea}
          aria-label={note ? 'Internal note' : 'Reply'}
          placeholder={note ? 'Write a note for your colleagues (Markdown)' : 'Write your reply (Markdown)'}
          autosize
          minRows={3}
          maxRows={12}
          mentions={note}
          value={draft.body}
          onChange={(body) => setDraft((d) => ({ ...d, body }))}
          disabled={replyBlocked}
          styles={note ? { input: { borderColor: 'var(--steward-note-border)' } } : undefined}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit(note ? undefined : defaultStatus);
            }
          }}
        />
        {(draft.attachments.length > 0 || uploading > 0) && (
          <Group gap={6}>
            {draft.attachments.map((file) => (
              <Pill
                key={file.id}
                withRemoveButton
                removeButtonProps={{ 'aria-label': `Remove ${file.filename}` }}
                onRemove={() =>
                  setDraft((d) => ({ ...d, attachments: d.attachments.filter((a) => a.id !== file.id) }))
                }
              >
                {file.filename} ({formatBytes(file.size)})
              </Pill>
            ))}
            {uploading > 0 && (
              <Group gap={4}>
                <Loader size="xs" />
                <Text fz="xs" c="dimmed">
                  Uploading…
                </Text>
              </Group>
            )}
          </Group>
        )}
        {fileError && (
          <Text fz="xs" role="alert" style={{ color: 'var(--steward-danger-text)' }}>
            {fileError}
          </Text>
        )}
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <FileButton onChange={(files) => void addFiles(files)} multiple>
              {(fileProps) => (
                <Tooltip label="Attach files (up to 10 MB each)">
                  <ActionIcon
                    variant="default"
                    aria-label="Attach files"
                    {...fileProps}
                    disabled={replyBlocked}
                  >
                    <IconPaperclip size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </FileButton>
            <Text fz="xs" c="dimmed" visibleFrom="lg">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to send · <Kbd size="xs">Esc</Kbd> to
              close
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="subtle" color="gray" size="xs" onClick={onClose}>
              Close
            </Button>
            {note ? (
              <Button
                size="xs"
                color="yellow"
                c="dark"
                leftSection={<IconLock size={14} />}
                onClick={() => submit(undefined)}
                loading={send.isPending}
                disabled={busy || collision || !draft.body.trim()}
              >
                Add note
              </Button>
            ) : (
              <Group gap={0} wrap="nowrap">
                <Button
                  size="xs"
                  leftSection={<IconSend size={14} />}
                  onClick={() => submit(defaultStatus)}
                  loading={send.isPending}
                  disabled={busy || collision || replyBlocked || !draft.body.trim()}
                  style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
                >
                  Send as {statusLabels[defaultStatus]}
                </Button>
                <Menu position="top-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      size={30}
                      variant="filled"
                      aria-label="Send with another status"
                      disabled={busy || collision || replyBlocked || !draft.body.trim()}
                      style={{
                        borderTopLeftRadius: 0,
                        borderBottomLeftRadius: 0,
                        borderLeft: '1px solid var(--mantine-color-body)',
                      }}
                    >
                      <IconChevronDown size={14} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {statusChoices.map((status) => (
                      <Menu.Item key={status} onClick={() => submit(status)}>
                        Send as {statusLabels[status]}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              </Group>
            )}
          </Group>
        </Group>
      </Stack>
    </Box>
  );
}
