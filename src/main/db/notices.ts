import type { Db, Trx } from './connection';

type Q = Db | Trx;

/** Migration 009: the notices the desk issued, each kept as the PDF it was issued as. */
export interface NoticeTables {
  issued_notices: {
    id: import('kysely').Generated<number>;
    filing_id: number;
    kind: string;
    occasion: string;
    decided_at: string;
    issued_at: string;
    filename: string;
    sha256: string;
    pdf: Uint8Array;
  };
}

export interface IssuedNoticeRow {
  id: number;
  filingId: number;
  kind: string;
  occasion: string;
  decidedAt: string;
  issuedAt: string;
  filename: string;
  sha256: string;
}

const COLUMNS = ['id', 'filing_id', 'kind', 'occasion', 'decided_at', 'issued_at', 'filename', 'sha256'] as const;

const toRow = (r: {
  id: number;
  filing_id: number;
  kind: string;
  occasion: string;
  decided_at: string;
  issued_at: string;
  filename: string;
  sha256: string;
}): IssuedNoticeRow => ({
  id: r.id,
  filingId: r.filing_id,
  kind: r.kind,
  occasion: r.occasion,
  decidedAt: r.decided_at,
  issuedAt: r.issued_at,
  filename: r.filename,
  sha256: r.sha256,
});

/** The filing's issued notices, oldest first. */
export async function issuedNotices(db: Q, filingId: number): Promise<IssuedNoticeRow[]> {
  const rows = await db.selectFrom('issued_notices').select(COLUMNS).where('filing_id', '=', filingId).orderBy('id').execute();
  return rows.map(toRow);
}

/** Stores a notice once: a second store for the same decision keeps the first (the issued one). */
export async function insertNotice(
  trx: Trx,
  a: {
    filingId: number;
    kind: string;
    occasion: string;
    decidedAt: string;
    issuedAt: string;
    filename: string;
    sha256: string;
    pdf: Uint8Array;
  },
): Promise<boolean> {
  const res = await trx
    .insertInto('issued_notices')
    .values({
      filing_id: a.filingId,
      kind: a.kind,
      occasion: a.occasion,
      decided_at: a.decidedAt,
      issued_at: a.issuedAt,
      filename: a.filename,
      sha256: a.sha256,
      pdf: a.pdf,
    })
    .onConflict((oc) => oc.columns(['filing_id', 'kind', 'occasion']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function noticePdf(db: Q, id: number): Promise<{ row: IssuedNoticeRow; pdf: Uint8Array } | null> {
  const r = await db
    .selectFrom('issued_notices')
    .select([...COLUMNS, 'pdf'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { row: toRow(r), pdf: new Uint8Array(r.pdf) } : null;
}
