/** Who has which ticket open, across nodes, as told by presence events. */
export interface Viewer {
  userId: number;
  name: string;
  replying: boolean;
}

export class PresenceBoard {
  private readonly tickets = new Map<number, Map<string, Viewer>>();

  /** Applies a presence event; returns true when the ticket's viewers changed. */
  apply(event: {
    ticketId: number;
    userId: number;
    name: string;
    watching: boolean;
    replying: boolean;
    node: string;
  }): boolean {
    const key = `${event.node}:${event.userId}`;
    const viewers = this.tickets.get(event.ticketId) ?? new Map<string, Viewer>();
    const before = JSON.stringify(this.viewers(event.ticketId));
    if (event.watching)
      viewers.set(key, { userId: event.userId, name: event.name, replying: event.replying });
    else viewers.delete(key);
    if (viewers.size === 0) this.tickets.delete(event.ticketId);
    else this.tickets.set(event.ticketId, viewers);
    return JSON.stringify(this.viewers(event.ticketId)) !== before;
  }

  /** One entry per person (several tabs count once; replying in any tab counts). */
  viewers(ticketId: number): Viewer[] {
    const byUser = new Map<number, Viewer>();
    for (const v of this.tickets.get(ticketId)?.values() ?? []) {
      const seen = byUser.get(v.userId);
      byUser.set(v.userId, { ...v, replying: v.replying || (seen?.replying ?? false) });
    }
    return [...byUser.values()].sort((a, b) => a.userId - b.userId);
  }
}
