import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type ReferralSource, referralSources } from '../../../contracts/referrals';
import { errorMessage } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { CustomerPicker } from './CustomerPicker';
import { useCreateReferral } from './referrals.queries';

const sourceLabels: Record<ReferralSource, string> = {
  phone: 'Phone',
  portal: 'Portal',
  email: 'Email',
  event: 'Event',
  other: 'Other',
};
type Picked = { id: number; name: string } | null;

/** Who referred whom: the referrer is a customer; the referred one is found, or new by address and name. */
function ReferralForm({ referrer: initial, onDone }: { referrer: Picked; onDone: () => void }) {
  const create = useCreateReferral();
  const [referrer, setReferrer] = useState<Picked>(initial);
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [referred, setReferred] = useState<Picked>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [source, setSource] = useState<ReferralSource>('phone');
  const [orderRef, setOrderRef] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!referrer) problems.referrer = 'Choose who made the referral';
    if (mode === 'existing' && !referred) problems.referred = 'Choose the customer they referred';
    if (mode === 'new' && !email.trim()) problems.email = 'Enter their email address';
    if (mode === 'new' && !name.trim()) problems.name = 'Enter their name';
    setMissing(problems);
    if (Object.keys(problems).length > 0 || !referrer) return;
    create.mutate(
      {
        referrerId: referrer.id,
        referred:
          mode === 'existing' && referred
            ? { customerId: referred.id }
            : { email: email.trim(), name: name.trim() },
        source,
        note,
        orderRef,
      },
      {
        onSuccess: (saved) => {
          notifySuccess(`${saved.referrer.name} referred ${saved.referred.name}.`, 'Referral recorded');
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Record a referral">
      <Stack gap="sm">
        {create.isError && (
          <Alert color="red" role="alert" title="Not recorded">
            {errorMessage(create.error)}
          </Alert>
        )}
        <CustomerPicker
          label="Referred by"
          value={referrer}
          onChange={setReferrer}
          error={missing.referrer}
        />
        <SegmentedControl
          aria-label="The referred customer"
          value={mode}
          onChange={(v) => setMode(v as 'existing' | 'new')}
          data={[
            { value: 'existing', label: 'An existing customer' },
            { value: 'new', label: 'Someone new' },
          ]}
        />
        {mode === 'existing' ? (
          <CustomerPicker
            label="Referred customer"
            value={referred}
            onChange={setReferred}
            error={missing.referred}
          />
        ) : (
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label="Their email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={missing.email}
              maxLength={254}
              miw={200}
            />
            <TextInput
              label="Their name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={missing.name}
              maxLength={120}
              miw={200}
            />
          </Group>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label="How we heard"
            data={referralSources.map((s) => ({ value: s, label: sourceLabels[s] }))}
            value={source}
            onChange={(v) => setSource((v as ReferralSource | null) ?? 'phone')}
            allowDeselect={false}
            miw={160}
          />
          <TextInput
            label="Order reference (optional)"
            value={orderRef}
            onChange={(e) => setOrderRef(e.currentTarget.value)}
            maxLength={80}
            miw={160}
          />
        </Group>
        <Textarea
          label="Note (optional)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Record referral
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RecordReferralModal({
  opened,
  onClose,
  referrer = null,
}: {
  opened: boolean;
  onClose: () => void;
  referrer?: Picked;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Record a referral" size="lg">
      {opened && <ReferralForm referrer={referrer} onDone={onClose} />}
    </Modal>
  );
}

export { sourceLabels };
