import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { referralStateLabels } from '../../../contracts/referrals';
import { SectionCard } from '../../components/SectionCard';
import { RecordReferralModal } from './RecordReferralModal';
import { useReferrals } from './referrals.queries';

/** On a customer's page: whom they referred and who referred them, with each reward state. */
export function CustomerReferrals({ customer }: { customer: { id: number; name: string } }) {
  const list = useReferrals({ customerId: customer.id });
  const [recording, setRecording] = useState(false);
  return (
    <SectionCard
      title="Referrals"
      actions={
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          onClick={() => setRecording(true)}
        >
          Record
        </Button>
      }
    >
      {list.isPending ? (
        <Text fz="sm" c="dimmed">
          Loading…
        </Text>
      ) : list.isError ? (
        <Text fz="sm" c="red.8" role="alert">
          The referrals could not be loaded.
        </Text>
      ) : list.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No referrals.
        </Text>
      ) : (
        <Stack gap="xs">
          {list.data.map((r) => {
            const made = r.referrer.id === customer.id;
            const other = made ? r.referred : r.referrer;
            return (
              <Group key={r.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {made ? 'Referred ' : 'Referred by '}
                  <Anchor component={Link} to={`/customers/${other.id}`} fz="sm">
                    {other.name}
                  </Anchor>
                </Text>
                <Badge variant="light" color="gray">
                  {referralStateLabels[r.state]}
                </Badge>
              </Group>
            );
          })}
        </Stack>
      )}
      <RecordReferralModal opened={recording} onClose={() => setRecording(false)} referrer={customer} />
    </SectionCard>
  );
}
