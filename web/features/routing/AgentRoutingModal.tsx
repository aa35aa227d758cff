import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { MAX_SKILL_LEVEL, MIN_SKILL_LEVEL, type RoutingAgent } from '../../../contracts/routing';
import { ticketChannels } from '../../../contracts/tickets';
import { notifyError, notifySuccess } from '../../app/notify';
import { channelLabels } from '../../app/ticketLabels';
import { useUpdateAgentRouting } from './routing.queries';

type Channel = (typeof ticketChannels)[number];

/** An agent's skills with their levels, languages, and the most open tickets per channel. */
export function AgentRoutingModal({ agent, onClose }: { agent: RoutingAgent | null; onClose: () => void }) {
  return (
    <Modal
      opened={agent !== null}
      onClose={onClose}
      title={agent ? `Routing for ${agent.name}` : ''}
      size="lg"
    >
      {agent && <AgentForm key={agent.id} agent={agent} onClose={onClose} />}
    </Modal>
  );
}

let nextRow = 0;
/** A skill row with a key of its own: rows are added and removed while their text changes. */
const row = (skill: { name: string; level: number }) => ({ ...skill, key: `skill-${nextRow++}` });

function AgentForm({ agent, onClose }: { agent: RoutingAgent; onClose: () => void }) {
  const [skills, setSkills] = useState(() => agent.skills.map(row));
  const [languages, setLanguages] = useState(agent.languages);
  const [capacity, setCapacity] = useState<Partial<Record<Channel, number>>>(agent.capacity);
  const update = useUpdateAgentRouting();

  const setSkill = (index: number, change: Partial<(typeof skills)[number]>) =>
    setSkills(skills.map((s, i) => (i === index ? { ...s, ...change } : s)));

  const save = () =>
    update.mutate(
      {
        id: agent.id,
        body: {
          skills: skills
            .filter((s) => s.name.trim() !== '')
            .map(({ name, level }) => ({ name: name.trim(), level })),
          languages: languages.map((l) => l.trim().toLowerCase()),
          capacity,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(`Routing settings of ${agent.name} saved`);
          onClose();
        },
        onError: (error) => notifyError(error, 'The settings were not saved'),
      },
    );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Text fw={600} fz="sm">
          Skills
        </Text>
        <Text fz="xs" c="dimmed">
          A ticket needs a skill when one of its tags, or its category, has the skill's name. Level: 1
          (learning) to 5 (expert); least-loaded routing prefers the more skilled agent when loads are equal.
        </Text>
        {skills.map((skill, index) => (
          <Group key={skill.key} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label={index === 0 ? 'Skill' : undefined}
              aria-label={`Skill ${index + 1}`}
              value={skill.name}
              onChange={(e) => setSkill(index, { name: e.currentTarget.value })}
              maxLength={40}
              style={{ flex: 1 }}
            />
            <NumberInput
              label={index === 0 ? 'Level' : undefined}
              aria-label={`Level of skill ${index + 1}`}
              value={skill.level}
              min={MIN_SKILL_LEVEL}
              max={MAX_SKILL_LEVEL}
              clampBehavior="strict"
              allowDecimal={false}
              onChange={(value) => setSkill(index, { level: Number(value) || MIN_SKILL_LEVEL })}
              w={90}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove skill ${skill.name || index + 1}`}
              onClick={() => setSkills(skills.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setSkills([...skills, row({ name: '', level: 3 })])}
          >
            Add a skill
          </Button>
        </Group>
      </Stack>
      <TagsInput
        label="Languages"
        description="Two-letter codes, e.g. en, de, fr. An agent with none takes tickets in any language."
        value={languages}
        onChange={setLanguages}
        maxTags={30}
        splitChars={[',', ' ']}
      />
      <Stack gap="xs">
        <Text fw={600} fz="sm">
          Capacity
        </Text>
        <Text fz="xs" c="dimmed">
          The most open tickets of each channel this agent holds before routing passes them by. Empty: no
          limit.
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {ticketChannels.map((channel) => (
            <NumberInput
              key={channel}
              label={channelLabels[channel]}
              placeholder="No limit"
              min={0}
              max={1000}
              allowDecimal={false}
              value={capacity[channel] ?? ''}
              onChange={(value) => {
                const next = { ...capacity };
                if (value === '' || value === undefined) delete next[channel];
                else next[channel] = Number(value);
                setCapacity(next);
              }}
            />
          ))}
        </SimpleGrid>
      </Stack>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={save} loading={update.isPending}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
