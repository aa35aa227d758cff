import { Button, FileButton, Group, Loader, Pill, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { PORTAL_MAX_FILES } from '../../../contracts/portal';
import type { Attachment } from '../../../contracts/tickets';
import { errorMessage } from '../../app/api';
import { formatBytes } from '../../components/AttachmentList';

/** Files a customer picks for their next message: uploaded as they are picked, sent with it. */
export function usePortalFiles(upload: (file: File) => Promise<Attachment>) {
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const add = async (files: File[]) => {
    setError(null);
    const room = PORTAL_MAX_FILES - attachments.length - uploading;
    if (files.length > room) setError(`You can send up to ${PORTAL_MAX_FILES} files with one message.`);
    for (const file of files.slice(0, Math.max(room, 0))) {
      setUploading((n) => n + 1);
      try {
        const attachment = await upload(file);
        setAttachments((current) => [...current, attachment]);
      } catch (e) {
        setError(`${file.name} was not attached: ${errorMessage(e)}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  return {
    attachments,
    ids: attachments.map((a) => a.id),
    uploading,
    error,
    full: attachments.length + uploading >= PORTAL_MAX_FILES,
    add,
    remove: (id: number) => setAttachments((current) => current.filter((a) => a.id !== id)),
    clear: () => {
      setAttachments([]);
      setError(null);
    },
  };
}

export type PortalFiles = ReturnType<typeof usePortalFiles>;

/** The files picked so far (each removable), uploads in progress and why a file was not attached. */
export function PortalFileList({ files }: { files: PortalFiles }) {
  return (
    <>
      {(files.attachments.length > 0 || files.uploading > 0) && (
        <Group gap={6} aria-label="Files to send" role="group">
          {files.attachments.map((file) => (
            <Pill
              key={file.id}
              withRemoveButton
              // Mantine hides the remove button from keyboards and screen readers; these files need it.
              removeButtonProps={{
                'aria-label': `Remove ${file.filename}`,
                'aria-hidden': false,
                tabIndex: 0,
              }}
              onRemove={() => files.remove(file.id)}
              maw="100%"
            >
              {file.filename} ({formatBytes(file.size)})
            </Pill>
          ))}
          {files.uploading > 0 && (
            <Group gap={4}>
              <Loader size="xs" />
              <Text fz="xs" c="dimmed">
                Uploading…
              </Text>
            </Group>
          )}
        </Group>
      )}
      {files.error && (
        <Text fz="sm" role="alert" style={{ color: 'var(--steward-danger-text)' }}>
          {files.error}
        </Text>
      )}
    </>
  );
}

/** The "Attach files" button; off once a message has as many files as it can carry. */
export function PortalAttachButton({ files }: { files: PortalFiles }) {
  return (
    <FileButton onChange={(picked) => void files.add(picked)} multiple disabled={files.full}>
      {(fileProps) => (
        <Button
          variant="default"
          leftSection={<IconPaperclip size={16} />}
          {...fileProps}
          disabled={files.full}
        >
          Attach files
        </Button>
      )}
    </FileButton>
  );
}

/** What a message may carry, said under the form. */
export function PortalFileLimits() {
  return (
    <Text fz="xs" c="dimmed">
      Up to {PORTAL_MAX_FILES} files, 10 MB each.
    </Text>
  );
}
