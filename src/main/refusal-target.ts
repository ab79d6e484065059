import { UNIT_CODES } from '../shared/domain/units';

/**
 * What a refused call was aimed at, for its audit row (domain §11): the filing and, for a section's decision, the
 * section. Read from the raw input, since a refusal by role comes before the input is parsed; anything that does not
 * look like an id or a unit code is left out rather than written to the log.
 */
export function refusalTarget(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const o = input as Record<string, unknown>;
  const nested = typeof o.decision === 'object' && o.decision !== null ? (o.decision as Record<string, unknown>) : {};
  const filingId = o.filingId ?? nested.filingId;
  if (typeof filingId !== 'number' || !Number.isSafeInteger(filingId) || filingId < 1) return null;
  const section = o.section ?? nested.section;
  const unit = typeof section === 'string' && (UNIT_CODES as readonly string[]).includes(section) ? section : null;
  return unit ? `filing:${filingId}/section:${unit}` : `filing:${filingId}`;
}
