import { Badge, Box, Group, Kbd, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconLock, IconMessageBolt, IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Macro } from '../../../contracts/macros';
import type { Ticket } from '../../../contracts/tickets';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { MacroPreviewStep } from './MacroPreviewStep';
import { useMacros } from './macros.queries';

/** Macros whose name, description or text hold every word typed, the names that start with it first. */
export function matchMacros(macros: readonly Macro[], search: string): Macro[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...macros];
  const found = macros.filter((m) => {
    const text = `${m.name}\n${m.description}\n${m.body}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const first = words[0]!;
  return found.sort(
    (a, b) =>
      Number(!a.name.toLowerCase().startsWith(first)) - Number(!b.name.toLowerCase().startsWith(first)),
  );
}

interface MacroPickerProps {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
  /** The macro was applied: its text goes into the composer (a reply, or a note). */
  onApplied: (text: { body: string; internal: boolean }) => void;
}

/** Choose a macro by typing (arrows and Enter), see what it would do to the ticket, then apply it. */
export function MacroPicker({ ticket, opened, onClose, onApplied }: MacroPickerProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Group gap={6}>
          <IconMessageBolt size={18} /> Apply a macro
        </Group>
      }
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <Picker ticket={ticket} onClose={onClose} onApplied={onApplied} />}
    </Modal>
  );
}

function Picker({ ticket, onClose, onApplied }: Omit<MacroPickerProps, 'opened'>) {
  const [chosen, setChosen] = useState<Macro | null>(null);
  const [search, setSearch] = useState('');
  return chosen ? (
    <MacroPreviewStep
      macro={chosen}
      ticket={ticket}
      onBack={() => setChosen(null)}
      onApplied={(text) => {
        onApplied(text);
        onClose();
      }}
    />
  ) : (
    <ChooseStep search={search} onSearch={setSearch} onChoose={setChosen} />
  );
}

function ChooseStep({
  search,
  onSearch,
  onChoose,
}: {
  search: string;
  onSearch: (value: string) => void;
  onChoose: (macro: Macro) => void;
}) {
  const macros = useMacros();
  const shown = useMemo(() => matchMacros(macros.data ?? [], search), [macros.data, search]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = Math.min(active, Math.max(shown.length - 1, 0));
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    list.current?.querySelector(`#${CSS.escape(optionId(current))}`)?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(shown.length, 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + shown.length) % Math.max(shown.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const macro = shown[current];
      if (macro) onChoose(macro);
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        placeholder="Search macros by name or words in them"
        aria-label="Search macros"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          onSearch(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
      />
      {macros.isPending ? (
        <LoadingState variant="block" label="Loading macros" />
      ) : macros.isError ? (
        <ErrorState
          error={macros.error}
          title="Macros could not be loaded"
          onRetry={() => void macros.refetch()}
        />
      ) : shown.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconMessageBolt size={24} stroke={1.5} />}
          title={search.trim() ? 'No macro matches' : 'No macros yet'}
          description={
            search.trim()
              ? 'Try other words, or fewer.'
              : 'Macros are made under Admin → Macros: answers you give often, with the changes they make.'
          }
        />
      ) : (
        <ScrollArea.Autosize mah={360} type="auto" viewportRef={list}>
          <Box id={listId} role="listbox" aria-label="Macros">
            {shown.map((m, i) => (
              <Box
                key={m.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onChoose(m)}
                px="sm"
                py={8}
                style={{
                  cursor: 'pointer',
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: i === current ? 'var(--mantine-color-default-hover)' : undefined,
                  outline: i === current ? '1px solid var(--mantine-primary-color-filled)' : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fz="sm" fw={500} truncate>
                    {m.name}
                  </Text>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {m.internal ? <IconLock size={14} aria-label="Internal note" /> : null}
                    <Badge
                      size="xs"
                      variant="light"
                      color={m.visibility === 'shared' ? 'blue' : m.visibility === 'team' ? 'grape' : 'gray'}
                    >
                      {m.visibility === 'shared'
                        ? 'Everyone'
                        : m.visibility === 'team'
                          ? (m.team?.name ?? 'Team')
                          : 'Mine'}
                    </Badge>
                  </Group>
                </Group>
                {m.description && (
                  <Text fz="xs" c="dimmed" truncate>
                    {m.description}
                  </Text>
                )}
              </Box>
            ))}
          </Box>
        </ScrollArea.Autosize>
      )}
      <Text fz="xs" c="dimmed">
        <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move · <Kbd size="xs">Enter</Kbd> to see what it does
        · <Kbd size="xs">Esc</Kbd> to close
      </Text>
    </Stack>
  );
}
