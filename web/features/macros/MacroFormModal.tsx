import {
  Alert,
  Box,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock, IconMessage } from '@tabler/icons-react';
import { useState } from 'react';
import type { Macro, MacroVisibility } from '../../../contracts/macros';
import { can } from '../../app/access';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { priorityOptions, statusLabels, typeOptions } from '../../app/ticketLabels';
import { confirmAction } from '../../components/ConfirmButton';
import { useTeamOptions } from '../teams/teams.queries';
import { useStaffOptions } from '../users/users.queries';
import { MacroTextField } from './MacroTextField';
import {
  initialMacroValues,
  KEEP,
  type MacroFormValues,
  macroBody,
  macroValidation,
  NONE,
} from './macroForm';
import { useCreateMacro, useDeleteMacro, useMacroTeams, useUpdateMacro } from './macros.queries';

interface MacroFormModalProps {
  /** The macro to edit, or null for a new one. */
  macro: Macro | null;
  opened: boolean;
  onClose: () => void;
}

export function MacroFormModal({ macro, opened, onClose }: MacroFormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={macro ? `Edit ${macro.name}` : 'New macro'}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <MacroForm macro={macro} onDone={onClose} />}
    </Modal>
  );
}

const keep = { value: KEEP, label: 'Leave as it is' };
const statusChoices = [
  keep,
  ...(['open', 'pending', 'on_hold', 'solved'] as const).map((s) => ({ value: s, label: statusLabels[s] })),
];

function MacroForm({ macro, onDone }: { macro: Macro | null; onDone: () => void }) {
  const me = useMe();
  const managers = can(me.role, 'macros.share');
  const create = useCreateMacro();
  const update = useUpdateMacro();
  const staff = useStaffOptions();
  const allTeams = useTeamOptions();
  const ownTeams = useMacroTeams(me.id, managers);
  const askDelete = useAskDeleteMacro();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<MacroFormValues>({
    initialValues: initialMacroValues(macro, 'personal'),
    validate: macroValidation,
  });
  const values = form.getValues();
  const teamChoices = ownTeams.data ?? [];
  const visibilities: { value: MacroVisibility; label: string }[] = [
    { value: 'personal', label: 'Only me' },
    ...(managers || teamChoices.length > 0 ? [{ value: 'team' as const, label: 'A team' }] : []),
    ...(managers ? [{ value: 'shared' as const, label: 'Everyone' }] : []),
  ];
  // Someone else's macro keeps its place in the choices even if the editor could not choose it.
  if (macro && !visibilities.some((v) => v.value === macro.visibility))
    visibilities.push({
      value: macro.visibility,
      label: macro.visibility === 'team' ? 'A team' : 'Everyone',
    });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const handlers = {
      onSuccess: (saved: Macro) => {
        notifySuccess(
          `${saved.name} is ready to use in the composer.`,
          macro ? 'Macro saved' : 'Macro added',
        );
        onDone();
      },
      onError: (error: unknown) => setFormError(applyServerErrors(form, error)),
    };
    const next = macroBody(v, macro?.actions);
    if (macro) update.mutate({ id: macro.id, body: next }, handlers);
    else create.mutate(next, handlers);
  });

  const people = [
    keep,
    { value: 'me', label: 'Whoever applies it' },
    { value: NONE, label: 'Nobody (unassign)' },
    ...(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
  ];
  const teams = [keep, { value: NONE, label: 'No team' }, ...(allTeams.data ?? [])];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            placeholder="e.g. Refund on its way"
            required
            maxLength={120}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Description"
            placeholder="When to use it"
            maxLength={500}
            {...form.getInputProps('description')}
          />
        </SimpleGrid>
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Box>
            <Text fz="sm" fw={500} mb={4} id="macro-visibility">
              Who uses it
            </Text>
            <SegmentedControl
              aria-labelledby="macro-visibility"
              data={visibilities}
              value={values.visibility}
              onChange={(value) => form.setFieldValue('visibility', value as MacroVisibility)}
            />
          </Box>
          {values.visibility === 'team' && (
            <Select
              label="Team"
              placeholder="Choose a team"
              data={teamChoices}
              searchable
              required
              nothingFoundMessage="No team you lead by that name"
              {...form.getInputProps('teamId')}
            />
          )}
          <Box>
            <Text fz="sm" fw={500} mb={4} id="macro-kind">
              The text is
            </Text>
            <SegmentedControl
              aria-labelledby="macro-kind"
              value={values.internal ? 'note' : 'reply'}
              onChange={(value) => form.setFieldValue('internal', value === 'note')}
              data={[
                {
                  value: 'reply',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconMessage size={14} /> A reply
                    </Group>
                  ),
                },
                {
                  value: 'note',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconLock size={14} /> An internal note
                    </Group>
                  ),
                },
              ]}
            />
          </Box>
        </Group>
        <MacroTextField
          inputProps={form.getInputProps('body')}
          onInsert={(next) => form.setFieldValue('body', next)}
          internal={values.internal}
          agentName={me.name}
        />
        <Title order={3} fz="md">
          Changes to the ticket
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          <Select
            label="Status"
            data={statusChoices}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Select
            label="Priority"
            data={[keep, ...priorityOptions]}
            allowDeselect={false}
            {...form.getInputProps('priority')}
          />
          <Select
            label="Type"
            data={[keep, ...typeOptions]}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <Select
            label="Assignee"
            data={people}
            searchable
            allowDeselect={false}
            {...form.getInputProps('assignee')}
          />
          <Select
            label="Team"
            data={teams}
            searchable
            allowDeselect={false}
            {...form.getInputProps('actionTeam')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label="Add tags"
            placeholder="Type a tag, then Enter"
            maxTags={30}
            {...form.getInputProps('addTags')}
          />
          <TagsInput
            label="Remove tags"
            placeholder="Type a tag, then Enter"
            maxTags={30}
            {...form.getInputProps('removeTags')}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm">
          {macro ? (
            <Button variant="subtle" color="red" onClick={() => askDelete(macro, onDone)}>
              Delete macro
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {macro ? 'Save macro' : 'Add macro'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks, then deletes a macro; `onDeleted` runs once it is gone. */
export function useAskDeleteMacro() {
  const remove = useDeleteMacro();
  return (macro: Macro, onDeleted?: () => void) => {
    confirmAction({
      title: `Delete ${macro.name}?`,
      message:
        macro.visibility === 'personal'
          ? 'The macro is removed for good.'
          : 'The macro is removed for good, for everyone who uses it. Tickets it was applied to keep their changes.',
      confirmLabel: 'Delete macro',
      danger: true,
      onConfirm: () =>
        remove.mutate(macro.id, {
          onSuccess: () => {
            notifySuccess(`${macro.name} is deleted.`, 'Macro deleted');
            onDeleted?.();
          },
          onError: (error) => notifyError(error, 'Not deleted'),
        }),
    });
  };
}
