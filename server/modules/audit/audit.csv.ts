import type { AuditEntry } from '../../../contracts/audit';
import { sentenceText } from '../../../contracts/audit';

/** Characters that make a spreadsheet read a cell as a formula (and tab and return, which some strip first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a leading quote when it would start a formula (so `=HYPERLINK(…)` in a name
 * stays text), then quoted as RFC 4180 says when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

export const AUDIT_CSV_HEADER = [
  'Time (UTC)',
  'Actor',
  'Actor type',
  'Action',
  'Description',
  'Entity type',
  'Entity ID',
  'Entity',
  'IP address',
  'Changes',
];

/** An entry as a CSV line: the sentence with its actor, and the raw fields beside it. */
export function auditCsvLine(entry: AuditEntry): string {
  return csvLine([
    entry.createdAt,
    entry.actor.name,
    entry.actor.type,
    entry.action,
    `${entry.actor.name} ${sentenceText(entry.summary)}`,
    entry.entityType,
    entry.entityId,
    entry.entityName,
    entry.ip,
    JSON.stringify(entry.changes),
  ]);
}
