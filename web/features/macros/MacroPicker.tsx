import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Kbd,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconLock,
  IconMessage,
  IconMessageBolt,
  IconSearch,
} from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Macro } from '../../../contracts/macros';
import type { Ticket } from '../../../contracts/tickets';
import { errorMessage, isApiError } from '../../app/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { MessageBody } from '../../components/MessageBody';
import { useApplyMacro, useMacroPreview, useMacros } from './macros.queries';

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

function MacroPreviewStep({
  macro,
  ticket,
  onBack,
  onApplied,
}: {
  macro: Macro;
  ticket: Ticket;
  onBack: () => void;
  onApplied: (text: { body: string; internal: boolean }) => void;
}) {
  const preview = useMacroPreview(macro.id, ticket.id, ticket.version);
  const apply = useApplyMacro(ticket.id);
  const [stale, setStale] = useState(false);
  // Once the changes show, Enter applies them.
  const applyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (preview.isSuccess) applyButton.current?.focus();
  }, [preview.isSuccess]);

  const run = () =>
    apply.mutate(
      { id: macro.id, version: ticket.version },
      {
        onSuccess: (result) => onApplied({ body: result.reply.body, internal: result.reply.internal }),
        onError: (error) => setStale(isApiError(error, 'TICKET_VERSION_CONFLICT')),
      },
    );

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="nowrap">
        <Text fw={600}>{macro.name}</Text>
        {macro.description && (
          <Text fz="sm" c="dimmed" truncate>
            {macro.description}
          </Text>
        )}
      </Group>
      {preview.isPending ? (
        <LoadingState variant="block" label="Working out what it would do" />
      ) : preview.isError ? (
        <ErrorState
          error={preview.error}
          title="The preview could not be shown"
          onRetry={() => void preview.refetch()}
        />
      ) : (
        <>
          <Box>
            <Text fz="sm" fw={500} mb={6}>
              Changes to #{ticket.id}
            </Text>
            {preview.data.changes.length === 0 ? (
              <Text fz="sm" c="dimmed">
                None: the ticket stays as it is.
              </Text>
            ) : (
              <Stack
                gap={4}
                component="ul"
                aria-label="Changes to the ticket"
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {preview.data.changes.map((c) => (
                  <Group key={c.field} component="li" gap={6} wrap="wrap">
                    <Text fz="sm" fw={500} miw={80}>
                      {c.label}
                    </Text>
                    <Text fz="sm" c="dimmed" td="line-through">
                      {c.before}
                    </Text>
                    <IconArrowRight size={14} aria-label="becomes" />
                    <Text fz="sm">{c.after}</Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Box>
          <Box>
            <Group gap={4} mb={6}>
              {preview.data.reply.internal ? <IconLock size={14} /> : <IconMessage size={14} />}
              <Text fz="sm" fw={500}>
                {preview.data.reply.internal ? 'Goes into an internal note' : 'Goes into your reply'}
              </Text>
            </Group>
            <Box
              p="sm"
              mah={240}
              style={{
                overflowY: 'auto',
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 'var(--mantine-radius-sm)',
                background: preview.data.reply.internal ? 'var(--steward-note-bg)' : undefined,
              }}
              role="region"
              aria-label="Text of the macro"
            >
              {preview.data.reply.html ? (
                <MessageBody html={preview.data.reply.html} />
              ) : (
                <Text fz="sm" c="dimmed">
                  No text: only the changes above.
                </Text>
              )}
            </Box>
            <Text fz="xs" c="dimmed" mt={4}>
              You can still edit it before sending.
            </Text>
          </Box>
        </>
      )}
      {apply.isError && (
        <Alert
          color={stale ? 'orange' : 'red'}
          role="alert"
          title={stale ? 'The ticket changed meanwhile' : 'Not applied'}
        >
          {stale
            ? 'Someone changed this ticket. Reload it and look at the changes again.'
            : errorMessage(apply.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={14} />} onClick={onBack}>
          Other macros
        </Button>
        <Button
          ref={applyButton}
          onClick={run}
          loading={apply.isPending}
          disabled={!preview.isSuccess || stale}
        >
          Apply macro
        </Button>
      </Group>
    </Stack>
  );
}
