import type { Contract } from '../../../contracts/service-contracts';
import type { CreateContractBody, UpdateContractBody } from './contracts.queries';

export type EntitlementChoice = 'none' | 'tickets' | 'hours';

/** The contract form's fields, as the inputs hold them. */
export interface ContractFormValues {
  organizationId: number | null;
  plan: string;
  slaPolicyId: string | null;
  startsOn: string;
  endsOn: string;
  entitlement: EntitlementChoice;
  perMonth: number | string;
  ownerId: string | null;
  reviewDaysBefore: number | string;
  notes: string;
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A year from today, the usual term, for a new contract; the contract's own values to edit one. */
export function initialContractValues(
  contract: Contract | null,
  defaults: { organizationId: number | null; ownerId: number | null },
  now = Date.now(),
): ContractFormValues {
  if (!contract) {
    const start = Date.parse(`${isoDate(now)}T00:00:00Z`);
    const end = new Date(start);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    return {
      organizationId: defaults.organizationId,
      plan: '',
      slaPolicyId: null,
      startsOn: isoDate(start),
      endsOn: isoDate(end.getTime() - DAY),
      entitlement: 'none',
      perMonth: '',
      ownerId: defaults.ownerId ? String(defaults.ownerId) : null,
      reviewDaysBefore: 30,
      notes: '',
    };
  }
  return {
    organizationId: contract.organization.id,
    plan: contract.plan,
    slaPolicyId: contract.slaPolicy ? String(contract.slaPolicy.id) : null,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    entitlement: contract.entitlement?.kind ?? 'none',
    perMonth: contract.entitlement?.perMonth ?? '',
    ownerId: contract.owner ? String(contract.owner.id) : null,
    reviewDaysBefore: contract.reviewDaysBefore,
    notes: contract.notes,
  };
}

const wholeIn = (value: number | string, min: number, max: number) => {
  const n = typeof value === 'number' ? value : Number(value);
  return value !== '' && Number.isInteger(n) && n >= min && n <= max;
};
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** What the form checks before it sends; the server checks the rest (that things exist). */
export const contractValidation = {
  organizationId: (value: number | null) => (value ? null : 'Pick the organisation'),
  plan: (value: string) => (value.trim() ? null : 'Name the plan, e.g. Premium'),
  startsOn: (value: string) => (isDate(value) ? null : 'Enter the first day'),
  endsOn: (value: string, values: ContractFormValues) =>
    !isDate(value) ? 'Enter the last day' : value <= values.startsOn ? 'Ends after it starts' : null,
  perMonth: (value: number | string, values: ContractFormValues) =>
    values.entitlement === 'none' || wholeIn(value, 1, 100_000) ? null : 'A whole number from 1 to 100,000',
  reviewDaysBefore: (value: number | string) =>
    wholeIn(value, 0, 365) ? null : 'A whole number of days from 0 to 365',
};

/** The whole contract as the form describes it. */
export function contractBody(v: ContractFormValues): Omit<CreateContractBody, 'organizationId'> {
  return {
    plan: v.plan.trim(),
    slaPolicyId: v.slaPolicyId ? Number(v.slaPolicyId) : null,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    entitlement: v.entitlement === 'none' ? null : { kind: v.entitlement, perMonth: Number(v.perMonth) },
    ownerId: v.ownerId ? Number(v.ownerId) : null,
    reviewDaysBefore: Number(v.reviewDaysBefore),
    notes: v.notes.trim(),
  };
}

/**
 * Only what changed, so an edit that leaves the end and the review period alone does not ask
 * for the renewal reminder again.
 */
export function changedContractBody(contract: Contract, v: ContractFormValues): UpdateContractBody {
  const next = contractBody(v);
  const was = contractBody(initialContractValues(contract, { organizationId: null, ownerId: null }));
  const changed: UpdateContractBody = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(was[key])) Object.assign(changed, { [key]: next[key] });
  }
  return changed;
}
