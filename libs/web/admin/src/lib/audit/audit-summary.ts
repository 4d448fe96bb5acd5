import { AuditEvent } from '@border-academy/shared-contracts';

/** One line of an event's summary: a field that changed from one value to another, or a fact. */
export interface SummaryLine {
  field: string;
  before?: string;
  after?: string;
  value?: string;
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * The summary of an event as lines to read: a change (`before` and `after`) as each field's two values;
 * what was created or removed (only `after` or only `before`) as each field's value; then the other
 * facts the entry records.
 */
export function summaryLines(event: AuditEvent): SummaryLine[] {
  const before = record(event.summary['before']);
  const after = record(event.summary['after']);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes = fields.map((field): SummaryLine => {
    if (before && after) return { field, before: text(before[field]), after: text(after[field]) };
    return { field, value: text((after ?? before)?.[field]) };
  });
  const facts = Object.entries(event.summary)
    .filter(([key]) => key !== 'before' && key !== 'after')
    .map(([field, value]) => ({ field, value: text(value) }));
  return [...changes, ...facts];
}
