import { createHash } from 'node:crypto';
import type { Db, Trx } from '../db/connection';
import type { FilingFields } from '../../shared/schemas/filing';
import type { Settings } from '../../shared/schemas/settings';
import { UNIT_CODES, type UnitCode } from '../../shared/domain/units';
import { canonicalJson, factsForUnit } from '../../shared/domain/staleness';
import { getAttachments, getMaterials } from '../db/filings';

export interface UnitFacts {
  facts: unknown;
  hash: string;
}

export const factsHash = (facts: unknown) => createHash('sha256').update(canonicalJson(facts)).digest('hex');

/**
 * What each unit's decision covers right now (domain §6 "bound to what it saw"): the record's fields plus the
 * state and attachment contents (by SHA-256) of the materials that unit checks.
 */
export async function currentFacts(
  db: Db | Trx,
  filingId: number,
  fields: FilingFields,
  settings: Settings,
  units: readonly UnitCode[] = UNIT_CODES,
): Promise<Record<UnitCode, UnitFacts>> {
  const [materials, attachments] = await Promise.all([getMaterials(db, filingId), getAttachments(db, filingId)]);
  const withHashes = materials.map((m) => ({
    code: m.code,
    state: m.state,
    attachmentHashes: attachments.filter((a) => a.material_code === m.code).map((a) => a.sha256),
  }));
  const out = {} as Record<UnitCode, UnitFacts>;
  for (const unit of units) {
    // Round-tripped through canonical JSON so the stored snapshot and a fresh computation compare alike.
    const facts = JSON.parse(canonicalJson(factsForUnit(fields, withHashes, unit, settings))) as unknown;
    out[unit] = { facts, hash: factsHash(facts) };
  }
  return out;
}
