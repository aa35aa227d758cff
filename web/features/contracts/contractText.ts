import type { Contract, ContractStatus, TicketContract } from '../../../contracts/service-contracts';

export const statusLabels: Record<ContractStatus, string> = {
  upcoming: 'Upcoming',
  active: 'Active',
  expired: 'Expired',
};
export const statusColors: Record<ContractStatus, string> = {
  upcoming: 'blue',
  active: 'teal',
  expired: 'gray',
};

type UsageOf = Pick<Contract, 'usage' | 'entitlement'>;

const noun = (kind: 'tickets' | 'hours', count: number) => (count === 1 ? kind.slice(0, -1) : kind);

/** "12 of 10 tickets this month", "3.5 of 20 hours this month", "4 tickets this month". */
export function usageText({ usage, entitlement }: UsageOf): string {
  const kind = entitlement?.kind ?? 'tickets';
  const used = usage.used.toLocaleString('en');
  if (usage.included === null) return `${used} ${noun(kind, usage.used)} this month`;
  return `${used} of ${usage.included.toLocaleString('en')} ${noun(kind, usage.included)} this month`;
}

/** How full this month's entitlement is, 0–100, or null when the contract includes no amount. */
export function usagePercent({ usage }: UsageOf): number | null {
  if (usage.included === null || usage.included <= 0) return null;
  return Math.min(100, Math.round((usage.used / usage.included) * 100));
}

/** "10 tickets a month", "20 hours a month", or "No set amount". */
export function entitlementText(contract: Pick<Contract, 'entitlement'>): string {
  const e = contract.entitlement;
  if (!e) return 'No set amount';
  return `${e.perMonth.toLocaleString('en')} ${noun(e.kind, e.perMonth)} a month`;
}

export const periodText = (c: Pick<Contract, 'startsOn' | 'endsOn'>) => `${c.startsOn} – ${c.endsOn}`;

/**
 * The contract that speaks for an organisation today, as the server picks it for a ticket: of
 * those already started (running or ended), the one that started last.
 */
export function currentContract<C extends Pick<Contract, 'id' | 'status' | 'startsOn'>>(
  contracts: readonly C[],
): C | null {
  let current: C | null = null;
  for (const c of contracts) {
    if (c.status === 'upcoming') continue;
    if (!current || c.startsOn > current.startsOn || (c.startsOn === current.startsOn && c.id > current.id))
      current = c;
  }
  return current;
}

export type FlagTone = 'danger' | 'warning' | 'quiet';
export interface ContractFlag {
  tone: FlagTone;
  text: string;
}

/** What a ticket says of its organisation's contract: expired (red), over entitlement (orange), else the plan. */
export function contractFlag(contract: Contract | null): ContractFlag | null {
  if (!contract) return null;
  if (contract.status === 'expired')
    return { tone: 'danger', text: `Contract expired on ${contract.endsOn}` };
  if (contract.usage.over) return { tone: 'warning', text: `Over entitlement: ${usageText(contract)}` };
  return { tone: 'quiet', text: `Plan: ${contract.plan}` };
}

/** The flag of a ticket's contract answer (null when the organisation has none). */
export const ticketContractFlag = (answer: TicketContract | undefined) =>
  contractFlag(answer?.contract ?? null);
