import { Alert, Box, Group, Loader, Paper, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TemplateKey } from '../../../contracts/mail';
import { errorMessage } from '../../app/api';
import { MessageBody } from '../../components/MessageBody';
import { useTemplatePreview } from './mail.queries';

/** The template as a recipient would read it, with sample values, following the editor. */
export function TemplatePreview({
  templateKey,
  subject,
  body,
}: {
  templateKey: TemplateKey;
  subject: string;
  body: string;
}) {
  const [text] = useDebouncedValue({ subject, body }, 400);
  const preview = useTemplatePreview(templateKey, text.subject, text.body);
  const rendered = preview.data;

  return (
    <Paper withBorder radius="md" component="section" aria-label="Preview" style={{ alignSelf: 'start' }}>
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Stack gap={0}>
          <Text fz="sm" fw={600}>
            Preview
          </Text>
          <Text fz="xs" c="dimmed">
            With sample values for a made-up ticket
          </Text>
        </Stack>
        {preview.isFetching && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      {preview.isError && (
        <Alert
          mx="md"
          mb="sm"
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="This text cannot be sent yet"
          role="alert"
        >
          {errorMessage(preview.error)}
        </Alert>
      )}
      {rendered && (
        <Box
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
          opacity={preview.isError ? 0.5 : 1}
        >
          <Text fz="sm" px="md" py="sm" data-testid="preview-subject">
            <Text span c="dimmed" fz="sm">
              Subject:{' '}
            </Text>
            <Text span fw={600} fz="sm">
              {rendered.subject}
            </Text>
          </Text>
          <Tabs defaultValue="html" variant="outline">
            <Tabs.List px="md" aria-label="Preview as">
              <Tabs.Tab value="html">HTML</Tabs.Tab>
              <Tabs.Tab value="text">Plain text</Tabs.Tab>
            </Tabs.List>
            <ScrollArea.Autosize mah={480} type="auto">
              <Tabs.Panel value="html" p="md">
                <MessageBody html={rendered.html} />
              </Tabs.Panel>
              <Tabs.Panel value="text" p="md">
                <Text
                  component="pre"
                  fz="sm"
                  ff="monospace"
                  m={0}
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {rendered.text}
                </Text>
              </Tabs.Panel>
            </ScrollArea.Autosize>
          </Tabs>
        </Box>
      )}
      {!rendered && !preview.isError && (
        <Box p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text fz="sm" c="dimmed">
            Preparing the preview…
          </Text>
        </Box>
      )}
    </Paper>
  );
}
