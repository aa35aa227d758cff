import { Box, Group, Paper, SimpleGrid, Stack, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useRef } from 'react';
import {
  firstNameOf,
  macroPlaceholders,
  renderMacroText,
  sampleMacroValues,
} from '../../../contracts/macros';

interface MacroTextFieldProps {
  /** The form's props for the text (value, onChange, error). */
  inputProps: GetInputPropsReturnType;
  /** The text with a placeholder put in where the caret was. */
  onInsert: (text: string) => void;
  internal: boolean;
  agentName: string;
}

/** A macro's text: the Markdown, buttons that put in each placeholder, and a live preview with a sample ticket's values. */
export function MacroTextField({ inputProps, onInsert, internal, agentName }: MacroTextFieldProps) {
  const body = useRef<HTMLTextAreaElement>(null);
  const value = typeof inputProps.value === 'string' ? inputProps.value : '';

  const insert = (name: string) => {
    const element = body.current;
    const text = `{{${name}}}`;
    const at = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? at;
    onInsert(`${value.slice(0, at)}${text}${value.slice(end)}`);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  const preview = renderMacroText(value, {
    ...sampleMacroValues,
    'agent.name': agentName,
    'agent.first_name': firstNameOf(agentName),
  });

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Stack gap={6}>
        <Textarea
          ref={body}
          label="Text"
          description="Markdown. The placeholders are filled in from the ticket when the macro is applied."
          autosize
          minRows={7}
          maxRows={16}
          {...inputProps}
        />
        <Box>
          <Text fz="xs" c="dimmed" mb={4}>
            Insert a placeholder:
          </Text>
          <Group gap={6}>
            {Object.entries(macroPlaceholders).map(([name, help]) => (
              <Tooltip key={name} label={help}>
                <UnstyledButton
                  onClick={() => insert(name)}
                  aria-label={`Insert {{${name}}}: ${help}`}
                  px={6}
                  py={2}
                  fz="xs"
                  ff="monospace"
                  style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
                >
                  {`{{${name}}}`}
                </UnstyledButton>
              </Tooltip>
            ))}
          </Group>
        </Box>
      </Stack>
      <Stack gap={6}>
        <Text fz="sm" fw={500}>
          Preview
        </Text>
        <Paper
          withBorder
          p="sm"
          role="region"
          aria-label="Preview of the text"
          mih={150}
          bg={internal ? 'var(--steward-note-bg)' : undefined}
        >
          {preview.trim() ? (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {preview}
            </Text>
          ) : (
            <Text fz="sm" c="dimmed">
              The text shows here with a sample ticket's values as you type.
            </Text>
          )}
        </Paper>
        <Text fz="xs" c="dimmed">
          Sample: ticket #{sampleMacroValues['ticket.id']} from {sampleMacroValues['requester.name']}.
        </Text>
      </Stack>
    </SimpleGrid>
  );
}
