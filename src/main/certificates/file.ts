/**
 * The issued certificate's PDF (issue 12 §7). It is rendered after the issuing transaction, from what that
 * transaction stored (the record, its signed code and the audit head it vouches for) and nothing else: no clock, no
 * random ids, so the same row always gives byte-identical files. It is written once (migration 010); until then,
 * or when writing fails, the file is rendered again from the row, and it is the same file.
 */
import { getCertificate, getPdf, savePdf, type CertificateRow } from '../db/certificates';
import type { Db, Trx } from '../db/connection';
import { renderCertificate } from '../pdf/certificate';
import { write, type Ctx } from '../services';
import { certificateDoc, parseRecord } from './record';
import { embedCode } from './pdf-code';

/** The PDF for a certificate row, as issued. */
export async function renderIssued(row: CertificateRow): Promise<Uint8Array> {
  const signed = { qrText: row.qrText, verificationCode: row.verificationCode };
  const pdf = await renderCertificate(certificateDoc(parseRecord(row.recordJson), signed, row.auditHead));
  return embedCode(pdf, row.qrText);
}

/** The stored file, or the row rendered again when it has not been stored yet (reads only: verification, the CLI). */
export async function issuedPdf(db: Db | Trx, row: CertificateRow): Promise<Uint8Array> {
  return (await getPdf(db, row.id)) ?? renderIssued(row);
}

/**
 * The certificate's file, rendering and storing it if that has not happened yet. A failure to store is not the
 * caller's failure: the certificate stands, and the same bytes are served and stored on a later request.
 */
export async function issuedFile(ctx: Ctx, id: number): Promise<Uint8Array | null> {
  const { store } = ctx.services;
  const stored = await getPdf(store.db, id);
  if (stored) return stored;
  const row = await getCertificate(store.db, id);
  if (!row) return null;
  const pdf = await renderIssued(row);
  if (!store.health.ok) return pdf;
  try {
    await write(ctx, ({ trx }) => savePdf(trx, id, pdf));
  } catch (err) {
    if (ctx.services.mode !== 'test' || process.env.DESK_LOG_ERRORS) console.error(`[certificate] file ${id} not stored:`, err);
    return pdf;
  }
  // Another request may have stored it first: serve what is stored (the same bytes, as rendering is deterministic).
  return (await getPdf(store.db, id)) ?? pdf;
}
