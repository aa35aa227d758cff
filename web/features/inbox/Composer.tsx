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
  IconEye,
  IconLock,
  IconMarkdown,
  IconMessage,
  IconMessageBolt,
  IconPaperclip,
  IconPencil,
  IconRefresh,
  IconSend,
  IconTextSize,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ClipboardEvent, type DragEvent, lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Attachment, CreateMessageBody, Ticket, TicketStatus } from '../../../contracts/tickets';
import { errorMessage, isApiError } from '../../app/api';
import type { LiveViewer } from '../../app/live';
import { nextStatuses, statusLabels } from '../../app/ticketLabels';
import { formatBytes } from '../../components/AttachmentList';
import { confirmAction } from '../../components/ConfirmButton';
import { LoadingState } from '../../components/LoadingState';
import { isOwnVersion, sendMessage, ticketsKeys, useUploadAttachment } from '../tickets/tickets.queries';
import { useTicketCopies } from './copies.queries';
import { type ComposerMode, useDraft } from './drafts';
import { useEditorKind } from './editorKind';
import { MentionTextarea } from './MentionTextarea';
import { RecipientFields } from './RecipientFields';
import { ReplyPreview } from './ReplyPreview';
import type { EditorKey, ReplyEditorHandle } from './RichReplyEditor';
import { useReplyingAnnouncement } from './replying';
import { sendAfterUndoWindow, useSendSetbacks } from './undoSend';

// Tiptap and its styles come only when a reply is written in rich text.
const RichReplyEditor = lazy(() => import('./RichReplyEditor').then((m) => ({ default: m.RichReplyEditor })));

const MAX_BYTES = 10 * 1024 * 1024;
type SendStatus = Extract<TicketStatus, 'open' | 'pending' | 'on_hold' | 'solved'>;
const sendStatuses: SendStatus[] = ['open', 'pending', 'on_hold', 'solved'];

function isSendStatus(status: TicketStatus): status is SendStatus {
  return (sendStatuses as TicketStatus[]).includes(status);
}

/** A picture in the Markdown: the file's name as its words, without what would end them. */
const imageMarkdown = (file: Attachment) => `![${file.filename.replace(/[[\]\\]/g, '')}](${file.url})`;

interface ComposerProps {
  ticket: Ticket;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  onClose: () => void;
  /** Colleagues on this ticket, to warn before replying on top of them. */
  others: LiveViewer[];
  /** Focus the text box when it opens (after a shortcut or a click). */
  autoFocus: boolean;
  /** Opens the macro picker (the bolt button, Alt+M). */
  onPickMacro?: () => void;
  /** Moves on when the draft was written from outside (a macro's text): the editor starts again from it. */
  revision?: number;
}

export function Composer(props: ComposerProps) {
  // A fresh editor per ticket and mode, so each starts from its own saved draft.
  return <ComposerEditor key={`${props.ticket.id}-${props.mode}-${props.revision ?? 0}`} {...props} />;
}

function ComposerEditor({
  ticket,
  mode,
  onModeChange,
  onClose,
  others,
  autoFocus,
  onPickMacro,
}: ComposerProps) {
  const queryClient = useQueryClient();
  const { draft, setDraft, clear, reload } = useDraft(ticket.id, mode);
  const upload = useUploadAttachment(ticket.id);
  const note = mode === 'note';
  const copies = useTicketCopies(ticket.id, !note);
  const [editorKind, setEditorKind] = useEditorKind();
  const rich = !note && editorKind === 'rich';
  const textarea = useRef<HTMLTextAreaElement>(null);
  const richEditor = useRef<ReplyEditorHandle>(null);
  const [preview, setPreview] = useState(false);
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

  // Colleagues see "… is replying" while a reply (not a note) is being written here.
  useReplyingAnnouncement(ticket.id, writing && !note);

  // A send that was undone or refused put the draft back.
  useSendSetbacks(ticket.id, (setback) => {
    if (setback.mode !== mode) return;
    reload();
    setPreview(false);
    if (setback.kind === 'failed') {
      if (isApiError(setback.error, 'TICKET_VERSION_CONFLICT')) setCollision(true);
      else setSendError(errorMessage(setback.error));
    }
  });

  // The rich text editor focuses itself once loaded.
  useEffect(() => {
    if (autoFocus && !rich) textarea.current?.focus();
  }, [autoFocus, rich]);

  const closed = ticket.status === 'closed';
  const replyBlocked = mode === 'reply' && closed;
  const defaultStatus: SendStatus = isSendStatus(ticket.status) ? ticket.status : 'open';
  const statusChoices = nextStatuses(ticket.status).filter(isSendStatus);
  const othersReplying = others.filter((o) => o.replying);
  const cc = draft.cc ?? copies.data?.copies ?? [];
  const bcc = draft.bcc ?? [];

  /** Puts a picture where the caret is, in whichever editor is open. */
  const insertImage = (file: Attachment) => {
    if (rich && richEditor.current) {
      richEditor.current.insertImage(file.url, file.filename);
      return;
    }
    const element = textarea.current;
    setDraft((d) => {
      const at = element?.selectionStart ?? d.body.length;
      const before = d.body.slice(0, at);
      const gap = before === '' || before.endsWith('\n') ? '' : '\n';
      return { ...d, body: `${before}${gap}${imageMarkdown(file)}\n${d.body.slice(at)}` };
    });
  };

  /** Uploads files and attaches them; pictures pasted or dropped in also go into the text. */
  const addFiles = async (files: File[], inline = false) => {
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
        if (inline && file.type.startsWith('image/')) insertImage(attachment);
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

  const filesFrom = (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0 || replyBlocked) return false;
    void addFiles(files, true);
    return true;
  };

  /** Closes the composer and sends after the Undo window; the draft waits in the toast meanwhile. */
  const queueSend = (status: SendStatus | undefined) => {
    const recipients =
      mode === 'reply'
        ? {
            // Until the copies are known, the server sends to them itself.
            ...(draft.cc !== undefined || copies.data ? { cc } : {}),
            ...(bcc.length > 0 ? { bcc } : {}),
          }
        : {};
    const body: CreateMessageBody = {
      kind: mode,
      body: draft.body,
      attachmentIds: draft.attachments.map((a) => a.id),
      status,
      version: seenVersion,
      ...recipients,
    };
    const snapshot = draft;
    setSendError(null);
    clear();
    onClose();
    sendAfterUndoWindow({
      ticketId: ticket.id,
      mode,
      draft: snapshot,
      send: async () => {
        await sendMessage(queryClient, ticket.id, body);
      },
      sentMessage:
        mode === 'note'
          ? 'Only your colleagues can see it.'
          : status
            ? `The customer has your reply; the ticket is ${statusLabels[status].toLowerCase()}.`
            : 'The customer has your reply.',
    });
  };

  const submit = (status: SendStatus | undefined) => {
    if (uploading > 0 || !draft.body.trim() || replyBlocked || collision) return;
    if (mode === 'reply' && othersReplying.length > 0) {
      const names = othersReplying.map((o) => o.name).join(', ');
      confirmAction({
        title: 'Someone else is replying',
        message: `${names} ${othersReplying.length === 1 ? 'is' : 'are'} writing a reply to this ticket right now. Send yours anyway?`,
        confirmLabel: 'Send anyway',
        onConfirm: () => queueSend(status),
      });
      return;
    }
    queueSend(status);
  };

  const reviewLatest = async () => {
    await queryClient.invalidateQueries({ queryKey: ticketsKeys.ticket(ticket.id) });
    const fresh = queryClient.getQueryData<Ticket>(ticketsKeys.detail(ticket.id));
    if (fresh) setSeenVersion(fresh.version);
    setCollision(false);
  };

  const onKey = (event: EditorKey) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit(note ? undefined : defaultStatus);
    } else if (onPickMacro && event.altKey && event.code === 'KeyM') {
      event.preventDefault();
      onPickMacro();
    }
  };

  const busy = uploading > 0;
  const cannotSend = busy || collision || !draft.body.trim();
  const label = note ? 'Internal note' : 'Reply';

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
          {note && (
            <Text fz="xs" c="dimmed" ta="right" lineClamp={2}>
              Only colleagues see notes. Type @ to mention someone.
            </Text>
          )}
        </Group>
        {!note && (
          <RecipientFields
            ticket={ticket}
            cc={cc}
            bcc={bcc}
            onCcChange={(next) => setDraft((d) => ({ ...d, cc: next }))}
            onBccChange={(next) => setDraft((d) => ({ ...d, bcc: next }))}
            disabled={replyBlocked}
          />
        )}
        {!note && othersReplying.length > 0 && (
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
        {preview ? (
          <ReplyPreview ticketId={ticket.id} body={draft.body} />
        ) : rich ? (
          <Suspense fallback={<LoadingState variant="block" label="Loading the editor" />}>
            <RichReplyEditor
              ref={richEditor}
              label={label}
              placeholder="Write your reply"
              value={draft.body}
              onChange={(body) => setDraft((d) => ({ ...d, body }))}
              disabled={replyBlocked}
              autoFocus={autoFocus}
              onFiles={(files) => void addFiles(files, true)}
              onKeyDown={onKey}
            />
          </Suspense>
        ) : (
          <MentionTextarea
            ref={textarea}
            aria-label={label}
            placeholder={note ? 'Write a note for your colleagues (Markdown)' : 'Write your reply (Markdown)'}
            autosize
            minRows={3}
            maxRows={12}
            mentions={note}
            value={draft.body}
            onChange={(body) => setDraft((d) => ({ ...d, body }))}
            disabled={replyBlocked}
            styles={note ? { input: { borderColor: 'var(--steward-note-border)' } } : undefined}
            onKeyDown={onKey}
            onPaste={(event: ClipboardEvent<HTMLTextAreaElement>) => {
              const images = [...event.clipboardData.files].filter((f) => f.type.startsWith('image/'));
              if (images.length > 0 && !replyBlocked) {
                event.preventDefault();
                void addFiles(images, true);
              }
            }}
            onDrop={(event: DragEvent<HTMLTextAreaElement>) => {
              if (filesFrom(event.dataTransfer.files)) event.preventDefault();
            }}
          />
        )}
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
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <FileButton onChange={(files) => void addFiles(files)} multiple>
              {(fileProps) => (
                <Tooltip label="Attach files (up to 10 MB each); paste or drop pictures into the text">
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
            <Tooltip label={preview ? 'Back to writing' : 'Preview as it will read'}>
              <ActionIcon
                variant={preview ? 'filled' : 'default'}
                aria-label="Preview"
                aria-pressed={preview}
                onClick={() => setPreview((p) => !p)}
              >
                {preview ? <IconPencil size={16} /> : <IconEye size={16} />}
              </ActionIcon>
            </Tooltip>
            {onPickMacro && (
              <Tooltip label="Apply a macro (Alt+M; M outside the text)">
                <ActionIcon variant="default" aria-label="Apply a macro" onClick={onPickMacro}>
                  <IconMessageBolt size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {!note && (
              <Tooltip label={rich ? 'Write the Markdown source' : 'Write with formatting'}>
                <ActionIcon
                  variant="default"
                  aria-label={rich ? 'Markdown source' : 'Rich text'}
                  onClick={() => {
                    setPreview(false);
                    setEditorKind(rich ? 'markdown' : 'rich');
                  }}
                  disabled={replyBlocked}
                >
                  {rich ? <IconMarkdown size={16} /> : <IconTextSize size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
            <Text fz="xs" c="dimmed" visibleFrom="lg">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to send · <Kbd size="xs">Esc</Kbd> to
              close
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" ml="auto">
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
                disabled={cannotSend}
              >
                Add note
              </Button>
            ) : (
              <Group gap={0} wrap="nowrap">
                <Button
                  size="xs"
                  leftSection={<IconSend size={14} />}
                  onClick={() => submit(defaultStatus)}
                  disabled={cannotSend || replyBlocked}
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
                      disabled={cannotSend || replyBlocked}
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
