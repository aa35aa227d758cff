import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import type { SlaPolicy } from '../../../contracts/sla';
import { slaMetricLabels, slaMetrics } from '../../../contracts/sla-summary';
import { ticketPriorities } from '../../../contracts/tickets';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { channelOptions, priorityLabels, priorityOptions, typeOptions } from '../../app/ticketLabels';
import { useCalendars } from '../business-hours/business-hours.queries';
import { useTeamOptions } from '../teams/teams.queries';
import { useCategories } from '../ticket-fields/ticket-fields.queries';
import { OrganizationsInput } from './OrganizationsInput';
import { useCreateSlaPolicy, useUpdateSlaPolicy } from './sla.queries';
import {
  DEFAULT_CALENDAR,
  type PolicyFormValues,
  policyBody,
  policyFormValues,
  targetsOf,
} from './slaPolicyForm';

export function SlaPolicyFormModal({
  policy,
  opened,
  onClose,
}: {
  policy: SlaPolicy | null;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={policy ? `Edit ${policy.name}` : 'New service-level policy'}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <SlaPolicyForm key={policy?.id ?? 'new'} policy={policy} onDone={onClose} />
    </Modal>
  );
}

const pauseOptions = [
  { value: 'pending', label: 'Pending (waiting on the customer)' },
  { value: 'on_hold', label: 'On hold' },
];

export function SlaPolicyForm({ policy, onDone }: { policy: SlaPolicy | null; onDone: () => void }) {
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const calendars = useCalendars();
  const teams = useTeamOptions();
  const categories = useCategories();
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The form is long: the first problem scrolls into view, and a field with one takes the focus.
  const revealError = () =>
    requestAnimationFrame(() => {
      const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
      target?.scrollIntoView?.({ block: 'center' });
      if (target?.matches('input, textarea')) target.focus();
    });
  const form = useForm<PolicyFormValues>({
    initialValues: policyFormValues(policy),
    validate: {
      name: (v) => (v.trim() ? null : 'Give the policy a name'),
      targets: (v) =>
        Object.keys(targetsOf(v)).length > 0 ? null : 'Give at least one target: a time in any cell',
      warnAtPercent: (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= 10 && n <= 99 ? null : 'Between 10 and 99 %';
      },
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const body = policyBody(values);
    const handlers = {
      onSuccess: (saved: SlaPolicy) => {
        notifySuccess(`${saved.name} is saved.`, policy ? 'Policy saved' : 'Policy created');
        onDone();
      },
      onError: (error: unknown) => {
        setFormError(applyServerErrors(form, error, { SLA_POLICY_NAME_TAKEN: 'name' }));
        revealError();
      },
    };
    if (policy) update.mutate({ id: policy.id, body }, handlers);
    else create.mutate(body, handlers);
  }, revealError);

  const calendarOptions = [
    { value: DEFAULT_CALENDAR, label: 'The default calendar, whichever it is' },
    ...(calendars.data ?? []).map((c) => ({
      value: String(c.id),
      label: `${c.name} (${c.timezone}${c.isDefault ? ', now the default' : ''})`,
    })),
  ];
  const categoryOptions = (categories.data ?? [])
    .filter((c) => !c.archived || form.getValues().conditions.categoryId.includes(String(c.id)))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((c) => ({ value: String(c.id), label: c.path }));
  const sectionError = (path: string) =>
    form.errors[path] ? (
      <Text fz="sm" c="var(--steward-danger-text)" role="alert" data-form-error>
        {form.errors[path]}
      </Text>
    ) : null;

  return (
    <form onSubmit={submit} noValidate ref={formRef}>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved" data-form-error>
            {formError}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus maxLength={80} {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="What the policy promises, for the people who read it later"
          autosize
          minRows={1}
          maxLength={500}
          {...form.getInputProps('description')}
        />
        <Switch
          label="Active: new and changed tickets can get this policy"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />

        <Fieldset legend="Applies to tickets that match every condition given (none: every ticket)">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <MultiSelect
                label="Priorities"
                placeholder="Any"
                data={priorityOptions}
                {...form.getInputProps('conditions.priority')}
              />
              <MultiSelect
                label="Types"
                placeholder="Any"
                data={typeOptions}
                {...form.getInputProps('conditions.type')}
              />
              <MultiSelect
                label="Channels"
                placeholder="Any"
                data={channelOptions}
                {...form.getInputProps('conditions.channel')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect
                label="Teams"
                placeholder="Any team"
                data={teams.data ?? []}
                searchable
                maxValues={50}
                {...form.getInputProps('conditions.teamId')}
              />
              <OrganizationsInput
                value={form.getValues().conditions.organizationId}
                onChange={(ids) => form.setFieldValue('conditions.organizationId', ids)}
                error={form.errors['conditions.organizationId']}
              />
              <MultiSelect
                label="Categories"
                placeholder="Any category"
                data={categoryOptions}
                searchable
                maxValues={50}
                {...form.getInputProps('conditions.categoryId')}
              />
              <TagsInput
                label="Tags"
                description="Any of these tags"
                maxTags={10}
                {...form.getInputProps('conditions.tags')}
              />
              <TagsInput
                label="Contract plans"
                description="The organisation's running contract is on one of these plans"
                maxTags={20}
                {...form.getInputProps('conditions.plan')}
              />
            </SimpleGrid>
            {sectionError('conditions')}
          </Stack>
        </Fieldset>

        <Fieldset legend="Targets: the time allowed per priority (leave empty for no target)">
          <Stack gap="md">
            {ticketPriorities.map((priority) => (
              <Stack key={priority} gap={6} role="group" aria-label={`${priorityLabels[priority]} priority`}>
                <Text fz="sm" fw={600}>
                  {priorityLabels[priority]}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
                  {slaMetrics.map((metric) => {
                    const path = `targets.${priority}.${metric}`;
                    const name = `${priorityLabels[priority]}: ${slaMetricLabels[metric]}`;
                    return (
                      <Stack key={metric} gap={4}>
                        <Text fz="xs" c="dimmed">
                          {slaMetricLabels[metric]}
                        </Text>
                        <Group gap={4} wrap="nowrap">
                          <NumberInput
                            aria-label={`${name}, hours`}
                            size="xs"
                            min={0}
                            max={8760}
                            allowDecimal={false}
                            allowNegative={false}
                            rightSection={<Text fz="xs">h</Text>}
                            hideControls
                            w={72}
                            {...form.getInputProps(`${path}.hours`)}
                          />
                          <NumberInput
                            aria-label={`${name}, minutes`}
                            size="xs"
                            min={0}
                            max={59}
                            allowDecimal={false}
                            allowNegative={false}
                            rightSection={<Text fz="xs">min</Text>}
                            rightSectionWidth={34}
                            hideControls
                            w={76}
                            {...form.getInputProps(`${path}.minutes`)}
                          />
                        </Group>
                        <Checkbox
                          size="xs"
                          label="Business hours"
                          aria-label={`${name}, in business hours`}
                          {...form.getInputProps(`${path}.businessHours`, { type: 'checkbox' })}
                        />
                      </Stack>
                    );
                  })}
                </SimpleGrid>
              </Stack>
            ))}
            {sectionError('targets')}
          </Stack>
        </Fieldset>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Calendar"
            description="Business-hours targets count only its open hours"
            data={calendarOptions}
            allowDeselect={false}
            {...form.getInputProps('calendarId')}
          />
          <NumberInput
            label="Warn at"
            description="Share of a target after which the assignee is warned"
            min={10}
            max={99}
            allowDecimal={false}
            suffix=" %"
            {...form.getInputProps('warnAtPercent')}
          />
        </SimpleGrid>
        <Checkbox.Group label="Pause the clocks while the ticket is" {...form.getInputProps('pauseOn')}>
          <Group gap="md" mt={6}>
            {pauseOptions.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>

        <Fieldset legend="When a target is missed">
          <Stack gap="sm">
            <Checkbox
              label="Raise the priority one step"
              {...form.getInputProps('onBreach.raisePriority', { type: 'checkbox' })}
            />
            <Select
              label="Escalate to team"
              placeholder="No escalation"
              data={teams.data ?? []}
              searchable
              clearable
              {...form.getInputProps('onBreach.escalateToTeamId')}
            />
            {sectionError('onBreach')}
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {policy ? 'Save policy' : 'Create policy'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
