import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Customer } from '../../../contracts/customers';
import { errorMessage } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { CUSTOMER_SEARCH_LIMIT, useCustomerSearch, useMergeCustomers } from './customers.queries';

interface MergeCustomersModalProps {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
}

/** Pick duplicates of a customer; their tickets, notes and history move into this one. */
export function MergeCustomersModal({ customer, opened, onClose }: MergeCustomersModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Merge duplicates into ${customer.name}`} size="lg">
      {opened && <MergeForm customer={customer} onDone={onClose} />}
    </Modal>
  );
}

function MergeForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const [query, setQuery] = useState(customer.name);
  const [debounced] = useDebouncedValue(query, 250);
  const search = useCustomerSearch(debounced);
  const merge = useMergeCustomers(customer.id);
  const [picked, setPicked] = useState<Map<number, Customer>>(() => new Map());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = (search.data?.customers ?? []).filter(
    (c) => c.id !== customer.id && c.mergedIntoId === null,
  );

  const toggle = (candidate: Customer) =>
    setPicked((prev) => {
      const next = new Map(prev);
      if (next.has(candidate.id)) next.delete(candidate.id);
      else next.set(candidate.id, candidate);
      return next;
    });

  const run = () => {
    setError(null);
    merge.mutate([...picked.keys()], {
      onSuccess: (saved) => {
        notifySuccess(
          `${picked.size === 1 ? 'One duplicate was' : `${picked.size} duplicates were`} merged into ${saved.name}.`,
          'Customers merged',
        );
        onDone();
      },
      onError: (e) => {
        setConfirming(false);
        setError(errorMessage(e));
      },
    });
  };

  if (confirming) {
    return (
      <Stack gap="md">
        <Text fz="sm">
          Merge {[...picked.values()].map((c) => c.name).join(', ')} into <b>{customer.name}</b>? Their
          tickets, notes and history move to {customer.name}, and the duplicates disappear from lists. This
          can't be undone.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Back
          </Button>
          <Button color="red" onClick={run} loading={merge.isPending}>
            Merge {picked.size === 1 ? '1 customer' : `${picked.size} customers`}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert" title="Not merged">
          {error}
        </Alert>
      )}
      <TextInput
        label="Find duplicates"
        placeholder="Name, email or phone"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        data-autofocus
      />
      <ScrollArea.Autosize mah={320}>
        {search.isPending && debounced.trim() ? (
          <LoadingState variant="block" label="Searching customers" />
        ) : candidates.length === 0 ? (
          <EmptyState
            size="sm"
            title="No other customers match"
            description="Search by another name, email or phone."
          />
        ) : (
          <Stack gap={6}>
            {search.data?.more && (
              <Text fz="xs" c="dimmed">
                Showing the first {CUSTOMER_SEARCH_LIMIT} matches. Add more of a name, email or phone to find
                others.
              </Text>
            )}
            {candidates.map((candidate) => (
              <Checkbox
                key={candidate.id}
                checked={picked.has(candidate.id)}
                onChange={() => toggle(candidate)}
                label={candidate.name}
                description={
                  [candidate.email, candidate.phone, candidate.organization?.name]
                    .filter(Boolean)
                    .join(' · ') || 'No contact details'
                }
              />
            ))}
          </Stack>
        )}
      </ScrollArea.Autosize>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={picked.size === 0}>
          Merge into {customer.name}…
        </Button>
      </Group>
    </Stack>
  );
}
