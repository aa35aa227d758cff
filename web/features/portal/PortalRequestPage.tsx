import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PortalMessage, PortalTicketDetail } from '../../../contracts/portal';
import { errorMessage, isApiError } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { portalSite, usePageTitle } from '../../app/title';
import { AttachmentList } from '../../components/AttachmentList';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { MessageBody } from '../../components/MessageBody';
import { RelativeTime } from '../../components/RelativeTime';
import { UserAvatar } from '../../components/UserAvatar';
import { PortalSurveyCard } from '../feedback/PortalSurveyCard';
import { PortalBackLink } from './PortalBackLink';
import { PortalAttachButton, PortalFileLimits, PortalFileList, usePortalFiles } from './PortalFiles';
import { PortalStatusBadge } from './PortalStatusBadge';
import { usePortalReply, usePortalRequest, usePortalUpload } from './portal.queries';

export function PortalRequestPage() {
  const params = useParams();
  const id = Number(params.id);
  const request = usePortalRequest(id);
  usePageTitle(request.data?.subject ?? 'Request', portalSite);

  if (
    !Number.isInteger(id) ||
    id <= 0 ||
    (request.isError && isApiError(request.error) && request.error.status === 404)
  ) {
    return (
      <Stack gap="md">
        <PortalBackLink />
        <EmptyState
          title="We can't find this request"
          description="The link may be wrong, or the request belongs to another account."
          action={
            <Button component={Link} to="/portal" variant="default">
              See your requests
            </Button>
          }
        />
      </Stack>
    );
  }
  if (request.isPending) return <LoadingState variant="block" label="Loading your request" />;
  if (request.isError) {
    return (
      <ErrorState
        error={request.error}
        title="We couldn't load this request"
        onRetry={() => void request.refetch()}
        retrying={request.isRefetching}
      />
    );
  }
  return <RequestDetail request={request.data} />;
}

function RequestDetail({ request }: { request: PortalTicketDetail }) {
  return (
    <Stack gap="lg">
      <PortalBackLink />
      {/* The status goes under the subject when both don't fit on one line (a phone). */}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} miw={0} style={{ flex: '1 1 16rem' }}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
            {request.subject}
          </Title>
          <Text c="dimmed" fz="sm">
            Request {request.id} · sent <RelativeTime value={request.createdAt} fz="sm" c="dimmed" />
            {request.followUpOfId ? (
              <>
                {' '}
                · follows up{' '}
                <Anchor component={Link} to={`/portal/requests/${request.followUpOfId}`} fz="sm">
                  request {request.followUpOfId}
                </Anchor>
              </>
            ) : null}
          </Text>
        </Stack>
        <PortalStatusBadge status={request.status} />
      </Group>
      {/* Replies arrive live; a screen reader hears them as they come. */}
      <Stack gap="md" aria-label="Conversation" component="section" aria-live="polite">
        {request.messages.map((message) => (
          <PortalMessageItem key={message.id} message={message} />
        ))}
      </Stack>
      <PortalSurveyCard
        ticketId={request.id}
        solved={request.status === 'solved' || request.status === 'closed'}
      />
      <ReplyBox request={request} />
    </Stack>
  );
}

function PortalMessageItem({ message }: { message: PortalMessage }) {
  return (
    <Paper
      component="article"
      aria-label={message.fromMe ? 'Your message' : `Message from ${message.authorName}`}
      withBorder
      p="md"
      radius="md"
      ml={message.fromMe ? 'xl' : 0}
      mr={message.fromMe ? 0 : 'xl'}
      style={{ background: message.fromMe ? 'var(--steward-reply-bg)' : 'var(--mantine-color-body)' }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <UserAvatar name={message.authorName} size="sm" />
            <Text fz="sm" fw={600}>
              {message.fromMe ? 'You' : message.authorName}
            </Text>
            {!message.fromMe && (
              <Text fz="xs" c="dimmed">
                Support team
              </Text>
            )}
          </Group>
          <RelativeTime value={message.createdAt} fz="xs" c="dimmed" />
        </Group>
        <MessageBody html={message.html} />
        <AttachmentList attachments={message.attachments} />
      </Stack>
    </Paper>
  );
}

function ReplyBox({ request }: { request: PortalTicketDetail }) {
  const navigate = useNavigate();
  const reply = usePortalReply(request.id);
  const upload = usePortalUpload(request.id);
  const files = usePortalFiles(upload.mutateAsync);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const closed = request.status === 'closed';

  const send = () => {
    if (!body.trim()) {
      setError('Write your message first.');
      return;
    }
    setError(null);
    reply.mutate(
      { body: body.trim(), attachmentIds: files.ids },
      {
        onSuccess: (detail) => {
          setBody('');
          files.clear();
          if (detail.id !== request.id) {
            notifySuccess(
              'We opened a new request with your message, linked to the old one.',
              'Message sent',
            );
            navigate(`/portal/requests/${detail.id}`);
          } else {
            notifySuccess("We'll get back to you soon.", 'Message sent');
          }
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Reply">
      <Stack gap="sm">
        {closed && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            This request is closed. If you write again, we'll open a new request for you and link it to this
            one.
          </Alert>
        )}
        {request.status === 'pending' && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />}>
            We're waiting for your reply to carry on.
          </Alert>
        )}
        <Textarea
          label={closed ? 'Write to us again' : 'Your reply'}
          placeholder="Write your message"
          autosize
          minRows={3}
          maxRows={12}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={error}
        />
        <PortalFileList files={files} />
        <Group justify="space-between" wrap="nowrap">
          <PortalAttachButton files={files} />
          <Button
            leftSection={<IconSend size={16} />}
            onClick={send}
            loading={reply.isPending}
            disabled={files.uploading > 0}
          >
            Send reply
          </Button>
        </Group>
        <PortalFileLimits />
      </Stack>
    </Paper>
  );
}
