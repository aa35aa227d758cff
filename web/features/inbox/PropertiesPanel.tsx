import { Alert, Anchor, Button, Divider, Group, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { Ticket, UpdateTicketBody } from '../../../contracts/tickets';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import {
  isTicketPriority,
  isTicketStatus,
  isTicketType,
  nextStatuses,
  priorityOptions,
  statusLabels,
  typeOptions,
} from '../../app/ticketLabels';
import { RelativeTime } from '../../components/RelativeTime';
import { useTeamOptions } from '../teams/teams.queries';
import { fieldsForType, useCategories, useCustomFields } from '../ticket-fields/ticket-fields.queries';
import { useDeescalate } from '../tickets/tickets.queries';
import { useStaffOptions } from '../users/users.queries';
import { CopiesSection } from './CopiesSection';
import { CustomFieldInput } from './CustomFieldInput';

export type TicketChanges = Omit<UpdateTicketBody, 'version'>;

interface PropertiesPanelProps {
  ticket: Ticket;
  onSave: (changes: TicketChanges) => void;
  saving: boolean;
  onEscalate: () => void;
}

/** Everything about a ticket that can be changed, each saved as soon as it changes. */
export function PropertiesPanel({ ticket, onSave, saving, onEscalate }: PropertiesPanelProps) {
  const me = useMe();
  const staff = useStaffOptions();
  const teams = useTeamOptions();
  const categories = useCategories();
  const fields = useCustomFields();
  const deescalate = useDeescalate(ticket.id);
  const closed = ticket.status === 'closed';

  const peopleOptions = (staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  if (ticket.assignee && !peopleOptions.some((o) => o.value === String(ticket.assignee?.id))) {
    peopleOptions.unshift({ value: String(ticket.assignee.id), label: ticket.assignee.name });
  }
  const teamOptions = [...(teams.data ?? [])];
  if (ticket.team && !teamOptions.some((o) => o.value === String(ticket.team?.id))) {
    teamOptions.unshift({ value: String(ticket.team.id), label: ticket.team.name });
  }
  const categoryOptions = (categories.data ?? [])
    .filter((c) => !c.archived || c.id === ticket.category?.id)
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((c) => ({ value: String(c.id), label: c.path }));
  const applicable = fieldsForType(fields.data ?? [], ticket.type);

  return (
    <Stack gap="sm" aria-label="Ticket properties" component="section">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed">
        Properties
      </Title>
      <Select
        size="xs"
        label="Status"
        data={nextStatuses(ticket.status).map((s) => ({ value: s, label: statusLabels[s] }))}
        value={ticket.status}
        onChange={(value) => isTicketStatus(value) && value !== ticket.status && onSave({ status: value })}
        allowDeselect={false}
        // Read-only, not disabled, while saving: a disabled field would drop the keyboard's focus.
        readOnly={saving}
        disabled={closed}
      />
      <Select
        size="xs"
        label="Priority"
        data={priorityOptions}
        value={ticket.priority}
        onChange={(value) =>
          isTicketPriority(value) && value !== ticket.priority && onSave({ priority: value })
        }
        allowDeselect={false}
        disabled={closed}
      />
      <Select
        size="xs"
        label="Type"
        data={typeOptions}
        value={ticket.type}
        onChange={(value) => isTicketType(value) && value !== ticket.type && onSave({ type: value })}
        allowDeselect={false}
        disabled={closed}
      />
      <Stack gap={2}>
        <Select
          size="xs"
          label="Assignee"
          placeholder="Unassigned"
          data={peopleOptions}
          value={ticket.assignee ? String(ticket.assignee.id) : null}
          onChange={(value) => onSave({ assigneeId: value ? Number(value) : null })}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name"
          disabled={closed}
        />
        {ticket.assignee?.id !== me.id && !closed && (
          <Anchor
            component="button"
            type="button"
            fz="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => onSave({ assigneeId: me.id })}
          >
            Assign to me
          </Anchor>
        )}
      </Stack>
      <Select
        size="xs"
        label="Team"
        placeholder="No team"
        data={teamOptions}
        value={ticket.team ? String(ticket.team.id) : null}
        onChange={(value) => onSave({ teamId: value ? Number(value) : null })}
        clearable
        disabled={closed}
      />
      <Select
        size="xs"
        label="Category"
        placeholder={categoryOptions.length === 0 ? 'No categories yet' : 'None'}
        data={categoryOptions}
        value={ticket.category ? String(ticket.category.id) : null}
        onChange={(value) => onSave({ categoryId: value ? Number(value) : null })}
        searchable
        clearable
        disabled={closed}
      />
      <TagsInput
        size="xs"
        label="Tags"
        placeholder="Add a tag"
        value={ticket.tags}
        onChange={(tags) =>
          onSave({ tags: [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))] })
        }
        disabled={closed}
      />
      <DateTimePicker
        size="xs"
        label="Due"
        placeholder="No due date"
        value={ticket.dueAt ? dayjs(ticket.dueAt).format('YYYY-MM-DD HH:mm:ss') : null}
        onChange={(value) => onSave({ dueAt: value ? dayjs(value).toISOString() : null })}
        valueFormat="D MMM YYYY, HH:mm"
        clearable
        disabled={closed}
      />
      {applicable.length > 0 && (
        <>
          <Divider label="Fields" labelPosition="left" />
          {applicable.map((field) => (
            <CustomFieldInput
              key={field.id}
              field={field}
              value={ticket.customFields[field.key]}
              disabled={closed}
              onSave={(value) => onSave({ customFields: { [field.key]: value } })}
            />
          ))}
        </>
      )}
      <CopiesSection ticketId={ticket.id} disabled={closed} />
      <Divider label="Escalation" labelPosition="left" />
      {ticket.escalation ? (
        <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title="Escalated">
          <Stack gap={4}>
            <Text fz="xs">{ticket.escalation.reason}</Text>
            <Text fz="xs" c="dimmed">
              {ticket.escalation.escalatedTo ? `To ${ticket.escalation.escalatedTo.name}, ` : ''}
              <RelativeTime value={ticket.escalation.at} fz="xs" c="dimmed" />
            </Text>
            <Group>
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<IconArrowBackUp size={12} />}
                loading={deescalate.isPending}
                onClick={() =>
                  deescalate.mutate(undefined, {
                    onSuccess: () =>
                      notifySuccess(`#${ticket.id} is no longer escalated.`, 'Escalation taken back'),
                    onError: (error) => notifyError(error),
                  })
                }
              >
                Take back
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Button size="xs" variant="light" color="red" onClick={onEscalate} disabled={closed}>
          Escalate…
        </Button>
      )}
    </Stack>
  );
}
