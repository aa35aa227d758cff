/**
 * The columns an update really sets: a value of undefined means "leave it as it is". Null when
 * nothing is left, so the caller skips the statement (an UPDATE that sets no column is not SQL).
 */
export function changedColumns<T extends Record<string, unknown>>(values: T): Partial<T> | null {
  const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  return Object.keys(set).length === 0 ? null : (set as Partial<T>);
}
