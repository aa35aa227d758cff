import { Button, CopyButton, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MAX_SHARE_DAYS } from '../../../contracts/report-delivery';
import { type ReportKind, reportTitles } from '../../../contracts/reports';
import { errorMessage } from '../../app/api';
import { useCreateShare } from './delivery.queries';
import type { ReportFilter } from './reports.queries';

/** "Share…": a read-only link to this report with its filters as they are now. */
export function ShareDialog({
  opened,
  onClose,
  kind,
  filter,
}: {
  opened: boolean;
  onClose: () => void;
  kind: ReportKind;
  filter: ReportFilter;
}) {
  const create = useCreateShare();
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<number>(30);
  const link = create.data ? `${window.location.origin}${create.data.path}` : null;
  const close = () => {
    create.reset();
    setLabel('');
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Share the ${reportTitles[kind]} report`}>
      {link ? (
        <Stack gap="sm">
          <Text size="sm">
            Anyone with this link can read the report, {filter.from} to {filter.to}, until{' '}
            {new Date(create.data!.expiresAt).toLocaleDateString('en-GB')}. It is shown only now.
          </Text>
          <TextInput label="Link" value={link} readOnly onFocus={(e) => e.currentTarget.select()} />
          <Group justify="flex-end">
            <CopyButton value={link}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy link'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ report: kind, filters: filter, label: label.trim(), expiresInDays: days });
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              A read-only page, no sign-in, with the period and filters frozen as they are now.
            </Text>
            <TextInput
              label="Label"
              placeholder="For Product team"
              maxLength={80}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <NumberInput
              label="Expires after (days)"
              min={1}
              max={MAX_SHARE_DAYS}
              value={days}
              onChange={(v) => setDays(typeof v === 'number' ? v : 30)}
            />
            {create.isError ? (
              <Text c="red" size="sm" role="alert">
                {errorMessage(create.error)}
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
