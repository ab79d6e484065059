import { sql, type Selectable } from 'kysely';
import type { Db, Trx } from './connection';
import type { DB } from './schema';
import type { CertificateListInput, CertificateStatus, CertificateView } from '../../shared/contract/certificates';

type Q = Db | Trx;

export interface CertificateRow {
  id: number;
  number: string;
  year: number;
  seq: number;
  filingId: number;
  recordJson: string;
  recordHash: string;
  qrText: string;
  verificationCode: string;
  keyId: string;
  auditHead: string;
  issuedAt: string;
  issuedBy: number | null;
  issuedByName: string;
  replacesId: number | null;
  status: CertificateStatus;
  statusReason: string;
  statusChangedAt: string | null;
  revokedReason: string | null;
  revokedAt: string | null;
}

// Every column but the PDF bytes, which only the file route and re-print read.
const columns = [
  'id',
  'number',
  'year',
  'seq',
  'filing_id',
  'record_json',
  'record_hash',
  'qr_text',
  'verification_code',
  'key_id',
  'audit_head',
  'issued_at',
  'issued_by',
  'issued_by_name',
  'replaces_id',
  'status',
  'status_reason',
  'status_changed_at',
  'revoked_reason',
  'revoked_at',
] as const;

type Raw = Omit<Selectable<DB['certificates']>, 'pdf'>;
const toRow = (r: Raw): CertificateRow => ({
  id: r.id,
  number: r.number,
  year: r.year,
  seq: r.seq,
  filingId: r.filing_id,
  recordJson: r.record_json,
  recordHash: r.record_hash,
  qrText: r.qr_text,
  verificationCode: r.verification_code,
  keyId: r.key_id,
  auditHead: r.audit_head,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
  issuedByName: r.issued_by_name,
  replacesId: r.replaces_id,
  status: r.status as CertificateStatus,
  statusReason: r.status_reason,
  statusChangedAt: r.status_changed_at,
  revokedReason: r.revoked_reason,
  revokedAt: r.revoked_at,
});

/** The next number in the year's sequence. Run inside the issuing IMMEDIATE transaction: no gaps, no duplicates. */
export async function nextCertificateSeq(trx: Q, year: number): Promise<number> {
  const row = await trx
    .selectFrom('certificates')
    .select((eb) => eb.fn.max<number | null>('seq').as('max'))
    .where('year', '=', year)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export async function insertCertificate(
  trx: Trx,
  a: Omit<CertificateRow, 'id' | 'status' | 'statusReason' | 'statusChangedAt' | 'revokedReason' | 'revokedAt'>,
): Promise<number> {
  const row = await trx
    .insertInto('certificates')
    .values({
      number: a.number,
      year: a.year,
      seq: a.seq,
      filing_id: a.filingId,
      record_json: a.recordJson,
      record_hash: a.recordHash,
      qr_text: a.qrText,
      verification_code: a.verificationCode,
      key_id: a.keyId,
      audit_head: a.auditHead,
      issued_at: a.issuedAt,
      issued_by: a.issuedBy,
      issued_by_name: a.issuedByName,
      replaces_id: a.replacesId,
      // The file lives in certificate_files (migration 010), rendered after this transaction; the old column stays empty.
      pdf: new Uint8Array(0),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getCertificate(db: Q, id: number): Promise<CertificateRow | null> {
  const r = await db.selectFrom('certificates').select(columns).where('id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

export async function findByNumber(db: Q, number: string): Promise<CertificateRow | null> {
  const r = await db.selectFrom('certificates').select(columns).where('number', '=', number).executeTakeFirst();
  return r ? toRow(r) : null;
}

export async function findByCode(db: Q, code: string): Promise<CertificateRow | null> {
  const r = await db.selectFrom('certificates').select(columns).where('verification_code', '=', code).executeTakeFirst();
  return r ? toRow(r) : null;
}

export async function certificatesOfFiling(db: Q, filingId: number): Promise<CertificateRow[]> {
  const rows = await db.selectFrom('certificates').select(columns).where('filing_id', '=', filingId).orderBy('id').execute();
  return rows.map(toRow);
}

export async function liveCertificate(db: Q, filingId: number): Promise<CertificateRow | null> {
  const r = await db
    .selectFrom('certificates')
    .select(columns)
    .where('filing_id', '=', filingId)
    .where('status', 'in', ['issued', 'suspended'])
    .executeTakeFirst();
  return r ? toRow(r) : null;
}

/** The issued PDF, or null while it has not been rendered yet (or the certificate does not exist). */
export async function getPdf(db: Q, id: number): Promise<Uint8Array | null> {
  const r = await db.selectFrom('certificate_files').select('pdf').where('certificate_id', '=', id).executeTakeFirst();
  return r ? new Uint8Array(r.pdf) : null;
}

/** Writes the issued PDF once: a second writer (a repeated render, a racing request) changes nothing. */
export async function savePdf(trx: Trx, id: number, pdf: Uint8Array): Promise<void> {
  await trx
    .insertInto('certificate_files')
    .values({ certificate_id: id, pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength) })
    .onConflict((oc) => oc.column('certificate_id').doNothing())
    .execute();
}

export async function setStatus(trx: Trx, id: number, a: { status: CertificateStatus; reason: string; at: string }): Promise<void> {
  const values: Record<string, unknown> = { status: a.status, status_reason: a.reason, status_changed_at: a.at };
  if (a.status === 'revoked') Object.assign(values, { revoked_reason: a.reason, revoked_at: a.at });
  await trx.updateTable('certificates').set(values).where('id', '=', id).execute();
}

/** Register rows joined with the filing's names and the numbers a re-issue links. */
export async function listCertificates(db: Q, input: CertificateListInput): Promise<{ total: number; rows: (CertificateRow & Names)[] }> {
  let q = db
    .selectFrom('certificates as c')
    .innerJoin('filings as f', 'f.id', 'c.filing_id')
    .leftJoin('certificates as old', 'old.id', 'c.replaces_id')
    .leftJoin('certificates as next', 'next.replaces_id', 'c.id');
  if (input.status) q = q.where('c.status', '=', input.status);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`c.number`, 'like', sql`${like} escape '\\'`),
        eb(sql`c.verification_code`, 'like', sql`${like.toUpperCase()} escape '\\'`),
        eb(sql`f.filing_no`, 'like', sql`${like} escape '\\'`),
        eb(sql`f.project_name`, 'like', sql`${like} escape '\\'`),
        eb(sql`f.applicant_name`, 'like', sql`${like} escape '\\'`),
        eb(sql`f.credit_code`, 'like', sql`${like.toUpperCase()} escape '\\'`),
      ]),
    );
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const raw = await q
    .select(columns.map((k) => `c.${k}` as const))
    .select(NAME_COLUMNS)
    .select(pdfSize())
    .orderBy('c.year', 'desc')
    .orderBy('c.seq', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { total, rows: raw.map((r) => ({ ...toRow(r as unknown as Raw), ...namesOf(r) })) };
}

/** The joined facts every certificate row shows: its filing, and the certificates it replaces and is replaced by. */
const NAME_COLUMNS = [
  'f.filing_no as filingNo',
  'f.project_name as projectName',
  'f.applicant_name as applicantName',
  'f.state as filingState',
  'old.number as replacesNumber',
  'next.id as replacedById',
  'next.number as replacedByNumber',
] as const;
/** The issued file's size; 0 while it has not been rendered yet. */
const pdfSize = () => sql<number>`coalesce((select length(cf.pdf) from certificate_files cf where cf.certificate_id = c.id), 0)`.as('size');

export interface Names {
  filingNo: string;
  projectName: string;
  applicantName: string;
  filingState: string;
  replacesNumber: string | null;
  replacedById: number | null;
  replacedByNumber: string | null;
  size: number;
}
const namesOf = (r: Names): Names => ({
  filingNo: r.filingNo,
  projectName: r.projectName,
  applicantName: r.applicantName,
  filingState: r.filingState,
  replacesNumber: r.replacesNumber,
  replacedById: r.replacedById,
  replacedByNumber: r.replacedByNumber,
  size: Number(r.size),
});

/** The same joined facts for a set of certificates (view of one filing, or one certificate). */
export async function namesFor(db: Q, ids: number[]): Promise<Map<number, Names>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('certificates as c')
    .innerJoin('filings as f', 'f.id', 'c.filing_id')
    .leftJoin('certificates as old', 'old.id', 'c.replaces_id')
    .leftJoin('certificates as next', 'next.replaces_id', 'c.id')
    .select('c.id as id')
    .select(NAME_COLUMNS)
    .select(pdfSize())
    .where('c.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, namesOf(r)]));
}

export function toView(row: CertificateRow, names: Names): CertificateView {
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    seq: row.seq,
    filingId: row.filingId,
    filingNo: names.filingNo,
    projectName: names.projectName,
    applicantName: names.applicantName,
    status: row.status,
    closed: row.status === 'issued' && names.filingState === 'closed',
    issuedAt: row.issuedAt,
    issuedBy: row.issuedByName,
    verificationCode: row.verificationCode,
    keyId: row.keyId,
    recordHash: row.recordHash,
    replacesId: row.replacesId,
    replacesNumber: names.replacesNumber,
    replacedById: names.replacedById,
    replacedByNumber: names.replacedByNumber,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt,
    size: names.size,
  };
}

export async function trustedKeys(db: Q) {
  return db.selectFrom('trusted_keys').selectAll().orderBy('imported_at').execute();
}

export async function insertTrustedKey(
  trx: Trx,
  a: { keyId: string; publicKeyPem: string; label: string; at: string; by: number | null },
): Promise<void> {
  await trx
    .insertInto('trusted_keys')
    .values({ key_id: a.keyId, public_key_pem: a.publicKeyPem, label: a.label, imported_at: a.at, imported_by: a.by })
    .onConflict((oc) => oc.column('key_id').doUpdateSet({ label: a.label }))
    .execute();
}
