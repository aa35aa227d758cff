/** The current time as an ISO string. One place, so tests and rules agree on the format. */
export const nowIso = () => new Date().toISOString();
export const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
