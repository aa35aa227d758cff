import { Anchor, Group, Stack, TagsInput, Text } from '@mantine/core';
import { useState } from 'react';
import { emailAddress } from '../../../contracts/text';
import { MAX_RECIPIENTS, type Ticket } from '../../../contracts/tickets';

interface RecipientFieldsProps {
  ticket: Ticket;
  cc: string[];
  bcc: string[];
  onCcChange: (cc: string[]) => void;
  onBccChange: (bcc: string[]) => void;
  disabled?: boolean;
}

/** The addresses that read as email addresses (trimmed, lower-cased), and those that do not. */
function sortOut(values: string[]): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const value of values) {
    const parsed = emailAddress.safeParse(value);
    if (parsed.success) {
      if (!valid.includes(parsed.data)) valid.push(parsed.data);
    } else if (value.trim()) invalid.push(value.trim());
  }
  return { valid, invalid };
}

function AddressList({
  label,
  values,
  onChange,
  disabled,
  autoFocus,
}: {
  label: 'Cc' | 'Bcc';
  values: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <TagsInput
      size="xs"
      label={label}
      aria-label={label}
      placeholder={values.length === 0 ? 'Type an address, then Enter' : undefined}
      value={values}
      maxTags={MAX_RECIPIENTS}
      splitChars={[',', ';', ' ']}
      acceptValueOnBlur
      clearable
      autoFocus={autoFocus}
      disabled={disabled}
      error={error}
      onChange={(next) => {
        const { valid, invalid } = sortOut(next);
        setError(
          invalid.length > 0
            ? `${invalid.join(', ')} ${invalid.length === 1 ? 'is not an email address' : 'are not email addresses'}`
            : null,
        );
        onChange(valid.slice(0, MAX_RECIPIENTS));
      }}
      onMaxTags={() => setError(`At most ${MAX_RECIPIENTS} addresses in ${label}`)}
      styles={{ label: { fontWeight: 600 } }}
    />
  );
}

/** Who a reply goes to: the requester, the Cc (the ticket's copies to start with) and the Bcc. */
export function RecipientFields({
  ticket,
  cc,
  bcc,
  onCcChange,
  onBccChange,
  disabled,
}: RecipientFieldsProps) {
  const [showCc, setShowCc] = useState(false);
  const [showBcc, setShowBcc] = useState(false);
  const ccOpen = showCc || cc.length > 0;
  const bccOpen = showBcc || bcc.length > 0;
  const email = ticket.requester.email;
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          <Text span fz="xs" fw={600} c="dimmed">
            To
          </Text>{' '}
          {ticket.requester.name}
          {email ? ` <${email}>` : ' (no email address: the reply is not mailed)'}
        </Text>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {!ccOpen && (
            <Anchor
              component="button"
              type="button"
              fz="xs"
              onClick={() => setShowCc(true)}
              disabled={disabled}
            >
              Cc
            </Anchor>
          )}
          {!bccOpen && (
            <Anchor
              component="button"
              type="button"
              fz="xs"
              onClick={() => setShowBcc(true)}
              disabled={disabled}
            >
              Bcc
            </Anchor>
          )}
        </Group>
      </Group>
      {ccOpen && (
        <AddressList
          label="Cc"
          values={cc}
          onChange={onCcChange}
          disabled={disabled}
          autoFocus={showCc && cc.length === 0}
        />
      )}
      {bccOpen && (
        <AddressList
          label="Bcc"
          values={bcc}
          onChange={onBccChange}
          disabled={disabled}
          autoFocus={showBcc && bcc.length === 0}
        />
      )}
    </Stack>
  );
}
