/** Who an @mention can name: a colleague's name and address. */
export interface Mentionable {
  name: string;
  email: string;
}

/** The part of an address before the @: what a mention writes. */
export function handleOf(email: string): string {
  return email.split('@')[0] ?? email;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s._+-]+/)
    .filter(Boolean);

/**
 * How well a colleague matches what was typed after the @, best first: 0 when their first name
 * starts with it, 1 when another word of their name or handle does, 2 when it is somewhere in
 * their name or handle; null when it is nowhere.
 */
export function mentionRank(person: Mentionable, typed: string): number | null {
  const term = typed.trim().toLowerCase();
  if (term === '') return 0;
  const [first = '', ...rest] = words(person.name);
  if (first.startsWith(term)) return 0;
  const handle = handleOf(person.email).toLowerCase();
  if ([...rest, ...words(handle)].some((word) => word.startsWith(term))) return 1;
  if (person.name.toLowerCase().includes(term) || handle.includes(term)) return 2;
  return null;
}

/** The colleagues to offer for what was typed: by rank, then by name. */
export function rankMentions<T extends Mentionable>(people: T[], typed: string, limit = 6): T[] {
  return people
    .map((person) => ({ person, rank: mentionRank(person, typed) }))
    .filter((r): r is { person: T; rank: number } => r.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map((r) => r.person);
}
