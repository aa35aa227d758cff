import { Tabs } from '@mantine/core';
import { IconBuilding, IconUsers } from '@tabler/icons-react';
import { useNavigate } from 'react-router';

/** Customers and organisations are one place with two lists. */
export function CustomersTabs({ active }: { active: 'customers' | 'organizations' }) {
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(value) => navigate(value === 'organizations' ? '/organizations' : '/customers')}
      mb="md"
    >
      <Tabs.List aria-label="Customers or organisations">
        <Tabs.Tab value="customers" leftSection={<IconUsers size={16} />}>
          Customers
        </Tabs.Tab>
        <Tabs.Tab value="organizations" leftSection={<IconBuilding size={16} />}>
          Organisations
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
