import { createHash } from 'node:crypto';
import type { Db, Trx } from '../db/connection';
import type { FilingFields } from '../../shared/schemas/filing';
import type { Settings } from '../../shared/schemas/settings';
import { UNIT_CODES, type UnitCode } from '../../shared/domain/units';
import { allFacts, canonicalJson, factsAsSigned, factsForUnit } from '../../shared/domain/staleness';
import { getPapers } from '../db/filings';

export interface UnitFacts {
  facts: unknown;
  hash: string;
}

export const factsHash = (facts: unknown) => createHash('sha256').update(canonicalJson(facts)).digest('hex');

/** Round-tripped through canonical JSON so the stored snapshot and a fresh computation compare alike. */
const unitFacts = (value: unknown): UnitFacts => {
  const facts = JSON.parse(canonicalJson(value)) as unknown;
  return { facts, hash: factsHash(facts) };
};

/**
 * What each unit's decision covers right now (domain §6 "bound to what it saw"), under the fact → unit table in force:
 * the record fields it covers plus the state and attachment contents (by SHA-256) of the papers it checks.
 */
export async function currentFacts(
  db: Db | Trx,
  filingId: number,
  fields: FilingFields,
  settings: Settings,
  units: readonly UnitCode[] = UNIT_CODES,
): Promise<Record<UnitCode, UnitFacts>> {
  const papers = await getPapers(db, filingId);
  const out = {} as Record<UnitCode, UnitFacts>;
  for (const unit of units) out[unit] = unitFacts(factsForUnit(fields, papers, unit, settings));
  return out;
}

/**
 * For each signed decision, today's values of the facts it covered when signed (the table in force then): the
 * decision is stale exactly when their hash differs from the one it stored.
 */
export async function factsSinceSigned(
  db: Db | Trx,
  filingId: number,
  fields: FilingFields,
  settings: Settings,
): Promise<(signed: { facts: unknown }) => UnitFacts> {
  const all = allFacts(fields, await getPapers(db, filingId), settings);
  return (signed) => unitFacts(factsAsSigned(signed.facts, all));
}
