import { sql, type Selectable } from 'kysely';
import type { Db, Trx } from './connection';
import type { DB } from './schema';
import type { TrackedItem } from '../../shared/contract/filings';
import type { UnitCode } from '../../shared/domain/units';

type Q = Db | Trx;

/** The stored columns of a tracked item (missing papers and conditions). */
export type TrackedItemRow = Omit<Selectable<DB['tracked_items']>, 'source_decision_id' | 'closed_by'>;

/** A stored tracked item as the contract shows it, for the filing's view and the follow-up list alike. */
export const toTrackedItem = (r: TrackedItemRow): TrackedItem => ({
  id: r.id,
  filingId: r.filing_id,
  kind: r.kind as TrackedItem['kind'],
  materialCode: r.material_code,
  text: r.text,
  verifyingUnit: r.verifying_unit as UnitCode,
  dueDate: r.due_date,
  blocks: r.blocks as TrackedItem['blocks'],
  state: r.state as TrackedItem['state'],
  note: r.note,
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

export async function getTrackedItems(db: Q, filingId: number): Promise<TrackedItem[]> {
  const rows = await db
    .selectFrom('tracked_items')
    .selectAll()
    .where('filing_id', '=', filingId)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  return rows.map(toTrackedItem);
}

export async function insertTrackedItem(
  trx: Trx,
  a: {
    filingId: number;
    kind: 'material' | 'condition';
    materialCode: string | null;
    text: string;
    verifyingUnit: UnitCode;
    dueDate: string;
    blocks: 'notice' | 'hold' | 'lock';
    now: string;
    sourceDecisionId?: number | null;
  },
): Promise<number> {
  return (
    await trx
      .insertInto('tracked_items')
      .values({
        filing_id: a.filingId,
        kind: a.kind,
        material_code: a.materialCode,
        text: a.text,
        verifying_unit: a.verifyingUnit,
        due_date: a.dueDate,
        blocks: a.blocks,
        state: 'open',
        note: '',
        source_decision_id: a.sourceDecisionId ?? null,
        created_at: a.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Keeps the list's denormalised "earliest open item" column in step with tracked_items. */
export async function refreshNextItemDue(trx: Trx, filingId: number): Promise<void> {
  await trx
    .updateTable('filings')
    .set({
      next_item_due: sql`(SELECT MIN(due_date) FROM tracked_items WHERE filing_id = ${filingId} AND state IN ('open','supplied'))`,
    })
    .where('id', '=', filingId)
    .execute();
}
