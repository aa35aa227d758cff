import type { Role } from '../../../contracts/common';

/** Who is making a request: a signed-in person or an API token bound to a role. */
export type Actor =
  | { type: 'user'; id: number; name: string; email: string; role: Role; sessionId: string | null }
  | { type: 'token'; id: number; name: string; role: Exclude<Role, 'customer'> };

/** What a service needs to know about the request besides its input. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
}

/** The actor for work done by Steward itself (CLI, jobs). */
export const systemContext = (name = 'system'): RequestContext => ({
  actor: { type: 'user', id: 0, name, email: '', role: 'admin', sessionId: null },
  ip: null,
});
