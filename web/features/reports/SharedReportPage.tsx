import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { errorMessage, isApiError } from '../../app/api';
import { usePageTitle } from '../../app/title';
import { LoadingState } from '../../components/LoadingState';
import { Closed } from '../feedback/SurveyPage';
import { sharedExportUrl, useSharedReport } from './delivery.queries';
import { ReportBody } from './ReportView';

/** Asks search engines not to index the page while it is open. */
function useNoIndex() {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'robots';
    meta.content = 'noindex, nofollow';
    document.head.appendChild(meta);
    return () => meta.remove();
  }, []);
}

/** A report shared by a read-only link: no sign-in, no app around it, filters as they were frozen. */
export function SharedReportPage() {
  usePageTitle('Shared report');
  useNoIndex();
  const { token = '' } = useParams();
  const shared = useSharedReport(token);
  let content: React.ReactNode;
  if (shared.isPending) content = <LoadingState variant="block" label="Loading the report" />;
  else if (shared.isError)
    content = isApiError(shared.error, 'REPORT_SHARE_GONE') ? (
      <Closed title="This link is no longer available">
        It has expired or was withdrawn by the team that shared it. Ask them for a new link.
      </Closed>
    ) : isApiError(shared.error, 'REPORT_SHARE_NOT_FOUND') ||
      isApiError(shared.error, 'VALIDATION_FAILED') ? (
      <Closed title="This link does not work">Check that you opened the whole link you were given.</Closed>
    ) : (
      <Closed title="The report could not be loaded">{errorMessage(shared.error)}</Closed>
    );
  else {
    const { report, label, expiresAt } = shared.data;
    content = (
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={1} fz="h2">
              {report.title} report
            </Title>
            {label ? <Text c="dimmed">{label}</Text> : null}
            <Text size="sm" c="dimmed">
              {report.period.from} to {report.period.to} ({report.period.tz}), compared with{' '}
              {report.previous.from} to {report.previous.to}. Read-only; the link works until{' '}
              {new Date(expiresAt).toLocaleDateString('en-GB')}.
            </Text>
          </div>
          <Button
            component="a"
            href={sharedExportUrl(token)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            CSV
          </Button>
        </Group>
        <ReportBody report={report} />
      </Stack>
    );
  }
  return (
    <Box p="md" maw={1200} mx="auto" component="main">
      {content}
    </Box>
  );
}
