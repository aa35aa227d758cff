import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type Goal, type GoalKpiKey, goalKpis } from '../../../contracts/goals';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { confirmAction } from '../../components/ConfirmButton';
import {
  type GoalFormValues,
  goalBody,
  goalValidation,
  initialGoalValues,
  kpiOptions,
  type OwnerChoice,
  type PeriodChoice,
  quarterOptions,
} from './goalForm';
import { useCreateGoal, useDeleteGoal, useUpdateGoal } from './goals.queries';

export interface OwnerOptions {
  /** Managers set department goals; a lead only their teams' and members'. */
  department: boolean;
  teams: { value: string; label: string }[];
  agents: { value: string; label: string }[];
}

interface GoalFormModalProps {
  goal: Goal | null;
  opened: boolean;
  owners: OwnerOptions;
  onClose: () => void;
}

export function GoalFormModal({ goal, opened, owners, onClose }: GoalFormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={goal ? `Edit ${goal.name}` : 'New goal'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <GoalForm goal={goal} owners={owners} onDone={onClose} />}
    </Modal>
  );
}

const isKpi = (v: string | null): v is GoalKpiKey => v !== null && v in goalKpis;

function GoalForm({ goal, owners, onDone }: { goal: Goal | null; owners: OwnerOptions; onDone: () => void }) {
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const [formError, setFormError] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm<GoalFormValues>({
    initialValues: initialGoalValues(goal, owners.department ? 'department' : 'team', today),
    validate: goalValidation,
  });
  const values = form.getValues();
  const ownerKinds = [
    ...(owners.department ? [{ value: 'department', label: 'Department' }] : []),
    { value: 'team', label: 'A team' },
    { value: 'agent', label: 'An agent' },
  ];
  const unit = goalKpis[values.kpi].unit;

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const handlers = {
      onSuccess: (saved: Goal) => {
        notifySuccess(
          `${saved.name}: ${saved.kpiLabel}, ${saved.period.label}.`,
          goal ? 'Goal saved' : 'Goal added',
        );
        onDone();
      },
      onError: (error: unknown) => setFormError(applyServerErrors(form, error)),
    };
    if (goal) update.mutate({ id: goal.id, body: goalBody(v) }, handlers);
    else create.mutate(goalBody(v), handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <TextInput label="Name" required maxLength={120} data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Description" maxLength={1000} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="KPI"
            data={kpiOptions}
            allowDeselect={false}
            value={values.kpi}
            onChange={(next) => isKpi(next) && form.setFieldValue('kpi', next)}
          />
          <NumberInput
            label="Target"
            description={
              unit === 'percent'
                ? 'In percent'
                : unit === 'hours'
                  ? 'In hours'
                  : unit === 'score'
                    ? 'A score'
                    : 'A count'
            }
            required
            decimalScale={2}
            {...form.getInputProps('target')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="goal-period-label">
            Period
          </Text>
          <SegmentedControl
            aria-labelledby="goal-period-label"
            data={[
              { value: 'month', label: 'Month' },
              { value: 'quarter', label: 'Quarter' },
              { value: 'custom', label: 'Dates' },
            ]}
            value={values.period}
            onChange={(v) => form.setFieldValue('period', v as PeriodChoice)}
          />
        </Stack>
        {values.period === 'month' && (
          <TextInput type="month" label="Month" required {...form.getInputProps('month')} />
        )}
        {values.period === 'quarter' && (
          <Select
            label="Quarter"
            data={quarterOptions(today)}
            allowDeselect={false}
            {...form.getInputProps('quarter')}
          />
        )}
        {values.period === 'custom' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="From" required {...form.getInputProps('from')} />
            <TextInput
              type="date"
              label="To"
              description="Its last day"
              required
              {...form.getInputProps('to')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Owner"
            data={ownerKinds}
            allowDeselect={false}
            value={values.owner}
            onChange={(v) => v && form.setFieldValue('owner', v as OwnerChoice)}
          />
          {values.owner === 'team' && (
            <Select label="Team" data={owners.teams} searchable required {...form.getInputProps('teamId')} />
          )}
          {values.owner === 'agent' && (
            <Select
              label="Agent"
              data={owners.agents}
              searchable
              required
              nothingFoundMessage="Nobody by that name"
              {...form.getInputProps('agentId')}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {goal ? 'Save goal' : 'Add goal'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks, then deletes a goal. */
export function useAskDeleteGoal() {
  const remove = useDeleteGoal();
  return (goal: Goal) =>
    confirmAction({
      title: `Delete ${goal.name}?`,
      message: 'The goal and its progress are removed for good.',
      confirmLabel: 'Delete goal',
      danger: true,
      onConfirm: () =>
        remove.mutate(goal.id, {
          onSuccess: () => notifySuccess(`${goal.name} is deleted.`, 'Goal deleted'),
          onError: (error) => notifyError(error, 'Not deleted'),
        }),
    });
}
