import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SlaPolicy } from '../../../contracts/sla';
import { page } from '../../test/fixtures';
import { replyError, type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { SlaPolicyForm } from './SlaPolicyFormModal';
import { policyBody, policyFormValues, targetText } from './slaPolicyForm';

const at = '2026-11-20T09:00:00.000Z';
const policy = (overrides: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: 3,
  name: 'Standard',
  description: '',
  position: 1,
  active: true,
  conditions: {},
  targets: { normal: { first_reply: { minutes: 90, businessHours: true } } },
  calendar: null,
  pauseOn: ['pending', 'on_hold'],
  warnAtPercent: 75,
  onBreach: { raisePriority: false, escalateToTeam: null },
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

function stub() {
  return stubNetwork({
    'GET /business-hours': { data: [] },
    'GET /teams': page([]),
    'GET /categories': { data: [] },
  });
}

describe('the policy form values', () => {
  it('turn a policy into the grid and back without losing anything', () => {
    const original = policy({
      conditions: { priority: ['urgent'], teamId: [4], plan: ['Premium'], tags: ['vip'] },
      targets: {
        urgent: {
          first_reply: { minutes: 30, businessHours: false },
          resolution: { minutes: 1500, businessHours: true },
        },
      },
      calendar: { id: 2, name: 'London' },
      onBreach: { raisePriority: true, escalateToTeam: { id: 4, name: 'Leads' } },
    });
    const values = policyFormValues(original);
    expect(values.targets.urgent.resolution).toEqual({ hours: 25, minutes: '', businessHours: true });
    expect(values.targets.urgent.first_reply).toEqual({ hours: '', minutes: 30, businessHours: false });
    expect(values.targets.low.first_reply).toEqual({ hours: '', minutes: '', businessHours: true });
    expect(policyBody(values)).toEqual({
      name: 'Standard',
      description: '',
      active: true,
      conditions: { priority: ['urgent'], teamId: [4], plan: ['Premium'], tags: ['vip'] },
      targets: original.targets,
      calendarId: 2,
      pauseOn: ['pending', 'on_hold'],
      warnAtPercent: 75,
      onBreach: { raisePriority: true, escalateToTeamId: 4 },
    });
  });
});

describe('SlaPolicyForm', { timeout: 60_000 }, () => {
  it('creates a policy from the targets typed into the grid', async () => {
    const net = stub();
    net.on('POST /sla-policies', (request: StubRequest) => ({ ...policy(), ...(request.body as object) }));
    const onDone = vi.fn();
    const { user } = renderWithProviders(<SlaPolicyForm policy={null} onDone={onDone} />);
    await user.type(screen.getByLabelText(/^Name/), 'Standard');
    await user.click(screen.getByRole('button', { name: 'Create policy' }));
    // No target yet: the form says so and sends nothing.
    expect(await screen.findByText(/Give at least one target/)).toBeInTheDocument();
    expect(net.callsTo('POST /sla-policies')).toHaveLength(0);

    await user.type(screen.getByLabelText('Urgent: First reply, minutes'), '30');
    await user.click(screen.getByLabelText('Urgent: First reply, in business hours'));
    await user.type(screen.getByLabelText('Normal: Resolution, hours'), '8');
    await user.click(screen.getByRole('button', { name: 'Create policy' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(net.callsTo('POST /sla-policies')[0]?.body).toMatchObject({
      name: 'Standard',
      conditions: {},
      targets: {
        urgent: { first_reply: { minutes: 30, businessHours: false } },
        normal: { resolution: { minutes: 480, businessHours: true } },
      },
      calendarId: null,
      warnAtPercent: 75,
    });
  });

  it('shows the server’s errors on the fields they concern', async () => {
    const net = stub();
    net.on(
      'PATCH /sla-policies/3',
      replyError(409, 'SLA_POLICY_NAME_TAKEN', 'A service-level policy named "Standard" exists'),
    );
    const onDone = vi.fn();
    const { user } = renderWithProviders(<SlaPolicyForm policy={policy()} onDone={onDone} />);
    expect(screen.getByLabelText('Normal: First reply, hours')).toHaveValue('1');
    expect(screen.getByLabelText('Normal: First reply, minutes')).toHaveValue('30');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('A service-level policy named "Standard" exists')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    net.on(
      'PATCH /sla-policies/3',
      replyError(400, 'VALIDATION_FAILED', 'Team #9 was not found', [
        { path: ['onBreach', 'escalateToTeamId'], message: 'Team #9 was not found' },
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Team #9 was not found')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('targetText', () => {
  it('says how a target is counted, in hours when they are business hours', () => {
    expect(targetText({ minutes: 2880, businessHours: true })).toBe('48 h in business hours');
    expect(targetText({ minutes: 2910, businessHours: false })).toBe('2 d 30 min around the clock');
  });
});
