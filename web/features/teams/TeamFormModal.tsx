import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Team } from '../../../contracts/teams';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useCalendars } from '../business-hours/business-hours.queries';
import { useStaffOptions } from '../users/users.queries';
import { useCreateTeam, useUpdateTeam } from './teams.queries';

interface TeamFormValues {
  name: string;
  description: string;
  memberIds: string[];
  leadId: string | null;
  calendarId: string | null;
}

interface TeamFormModalProps {
  /** The team to edit, or null to create one. */
  team: Team | null;
  opened: boolean;
  onClose: () => void;
}

function initialValues(team: Team | null): TeamFormValues {
  return {
    name: team?.name ?? '',
    description: team?.description ?? '',
    memberIds: team?.members.map((m) => String(m.id)) ?? [],
    leadId: team?.lead ? String(team.lead.id) : null,
    calendarId: team?.calendar ? String(team.calendar.id) : null,
  };
}

export function TeamFormModal({ team, opened, onClose }: TeamFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={team ? `Edit ${team.name}` : 'New team'} size="lg">
      {/* Keyed so the form starts fresh for every team. */}
      <TeamForm key={team?.id ?? 'new'} team={team} onDone={onClose} />
    </Modal>
  );
}

function TeamForm({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const staff = useStaffOptions();
  const calendars = useCalendars();
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TeamFormValues>({
    initialValues: initialValues(team),
    validate: { name: (value) => (value.trim() ? null : 'Give the team a name') },
  });

  // People already in the team stay selectable even if they are not in the options (e.g. deactivated).
  const knownIds = new Set(staff.data?.map((u) => u.id) ?? []);
  const memberOptions = [
    ...(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
    ...(team?.members ?? [])
      .filter((m) => !knownIds.has(m.id))
      .map((m) => ({ value: String(m.id), label: m.name })),
  ];
  const values = form.getValues();
  const leadOptions = memberOptions.filter((o) => values.memberIds.includes(o.value));

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const body = {
      name: v.name.trim(),
      description: v.description.trim(),
      memberIds: v.memberIds.map(Number),
      leadId: v.leadId && v.memberIds.includes(v.leadId) ? Number(v.leadId) : null,
      calendarId: v.calendarId ? Number(v.calendarId) : null,
    };
    const handlers = {
      onSuccess: (saved: Team) => {
        notifySuccess(
          team ? `${saved.name} is saved.` : `${saved.name} is ready.`,
          team ? 'Team saved' : 'Team created',
        );
        onDone();
      },
      onError: (error: unknown) => setFormError(applyServerErrors(form, error, { TEAM_NAME_TAKEN: 'name' })),
    };
    if (team) updateTeam.mutate({ id: team.id, body }, handlers);
    else createTeam.mutate(body, handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="What the team handles, so others know where to send work"
          autosize
          minRows={2}
          maxRows={5}
          {...form.getInputProps('description')}
        />
        <MultiSelect
          label="Members"
          placeholder={staff.isPending ? 'Loading people…' : 'Pick people'}
          data={memberOptions}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name"
          error={staff.isError ? 'People could not be loaded' : undefined}
          {...form.getInputProps('memberIds')}
          onChange={(ids) => {
            form.setFieldValue('memberIds', ids);
            const lead = form.getValues().leadId;
            if (lead && !ids.includes(lead)) form.setFieldValue('leadId', null);
          }}
        />
        <Select
          label="Lead"
          description={
            leadOptions.length === 0 ? 'Add members first, then pick the lead among them' : undefined
          }
          placeholder="No lead"
          data={leadOptions}
          clearable
          disabled={leadOptions.length === 0}
          {...form.getInputProps('leadId')}
        />
        <Select
          label="Business hours"
          description="The hours the team's service-level clocks count in, unless a policy names its own"
          placeholder={calendars.isPending ? 'Loading calendars…' : 'The default calendar'}
          data={(calendars.data ?? []).map((c) => ({
            value: String(c.id),
            label: c.isDefault ? `${c.name} (default)` : c.name,
          }))}
          clearable
          error={calendars.isError ? 'Calendars could not be loaded' : undefined}
          {...form.getInputProps('calendarId')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createTeam.isPending || updateTeam.isPending}>
            {team ? 'Save team' : 'Create team'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
