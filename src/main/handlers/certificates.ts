import { createPublicKey } from 'node:crypto';
import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import type { CertificateView, FilingCertificates } from '../../shared/contract/certificates';
import { emit, write, writeOnce, type Ctx, type WriteScope } from '../services';
import type { Db } from '../db/connection';
import { loadSettings } from '../db/settings';
import {
  certificatesOfFiling,
  getCertificate,
  getPdf,
  insertTrustedKey,
  listCertificates,
  namesFor,
  toView,
  trustedKeys,
} from '../db/certificates';
import { keyIdOf } from '../crypto/signing';
import type { FileRoutes } from '../host/files';
import { requireFiling } from '../filings/view';
import { deskKeys, issueCertificate, problemsFor, reissueCertificate, revokeCertificate } from '../certificates/issue';
import { verifyCode, verifyPdf, verifyText, type Verifier } from '../certificates/verify';
import { issueNotices, latestNotice, storedNotice, storedNotices } from '../certificates/notice-store';
import { unsupportedCharacters } from '../pdf/fonts';
// Registers the demo loader's certificate stage (after the review stage, which it imports first).

async function viewOf(db: Db, id: number): Promise<CertificateView> {
  const row = await getCertificate(db, id);
  if (!row) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  return toView(row, (await namesFor(db, [id])).get(id)!);
}

export async function filingCertificates(db: Db, filingId: number): Promise<FilingCertificates> {
  const filing = await requireFiling(db, filingId);
  const settings = await loadSettings(db);
  const rows = await certificatesOfFiling(db, filingId);
  const names = await namesFor(
    db,
    rows.map((r) => r.id),
  );
  const problems = await problemsFor(db, filing, settings);
  const issued = await storedNotices(db, filingId);
  return {
    filingId,
    filingVersion: filing.version,
    canIssue: problems.length === 0,
    problems,
    certificates: rows.map((r) => toView(r, names.get(r.id)!)).reverse(),
    notices: [...new Set(issued.map((n) => n.kind))],
    issuedNotices: issued,
  };
}

const changed = async (ctx: Ctx, filingId: number) => {
  const filing = await requireFiling(ctx.services.store.db, filingId);
  emit(ctx.services, 'filing.changed', { filingId, version: filing.version });
  emit(ctx.services, 'inbox.changed', { units: ['sp'] });
};

/** The certificate an idempotent issue or re-issue made (the outcome its key records). */
const issued = async (ctx: Ctx, fn: (scope: WriteScope) => Promise<number>): Promise<number> =>
  (await writeOnce(ctx, async (scope) => ({ certificateId: await fn(scope) }))).certificateId;

const forFiling: Handler<'certificate.forFiling'> = async (input, ctx) => {
  await issueNotices(ctx, input.filingId);
  return filingCertificates(ctx.services.store.db, input.filingId);
};

const issue: Handler<'certificate.issue'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  let id: number;
  try {
    id = await issued(ctx, ({ trx }) => issueCertificate(trx, ctx, input.filingId, input.version));
  } catch (err) {
    if (err instanceof DeskError && err.code === 'STALE')
      throw new DeskError('STALE', 'err.STALE', {}, undefined, await filingCertificates(db, input.filingId));
    throw err;
  }
  const view = await viewOf(db, id);
  await changed(ctx, view.filingId);
  return view;
};

const get: Handler<'certificate.get'> = (input, ctx) => viewOf(ctx.services.store.db, input.id);

const list: Handler<'certificate.list'> = async (input, ctx) => {
  const { total, rows } = await listCertificates(ctx.services.store.db, input);
  return { total, rows: rows.map((r) => toView(r, r)) };
};

const verifier = (ctx: Ctx): Verifier => ({ db: ctx.services.store.db, own: deskKeys(ctx.services), lang: ctx.lang });

const verify: Handler<'certificate.verify'> = async (input, ctx) => {
  const v = verifier(ctx);
  if (input.text?.trim()) return verifyText(v, input.text);
  if (input.code?.trim()) return verifyCode(v, input.code, input.number);
  const b64 = (input.pdfBase64 ?? '').replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new DeskError('INVALID', 'err.INVALID', {}, { pdfBase64: { key: 'v.file.base64' } });
  return verifyPdf(v, new Uint8Array(Buffer.from(b64, 'base64')));
};

const glyphCheck: Handler<'certificate.glyphCheck'> = (input) => ({
  missing: unsupportedCharacters(input.text).map((char) => ({ char, codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase()}` })),
});

const revoke: Handler<'certificate.revoke'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  await write(ctx, ({ trx }) => revokeCertificate(trx, ctx, input.id, input.reason));
  const view = await viewOf(db, input.id);
  await changed(ctx, view.filingId);
  return view;
};

const reissue: Handler<'certificate.reissue'> = async (input, ctx) => {
  const id = await issued(ctx, ({ trx }) => reissueCertificate(trx, ctx, input.id, input.reason));
  const view = await viewOf(ctx.services.store.db, id);
  await changed(ctx, view.filingId);
  return view;
};

const publicKey: Handler<'certificate.publicKey'> = (_input, ctx) => {
  const { keyId, publicKeyPem } = deskKeys(ctx.services);
  return { keyId, publicKeyPem };
};

const keys: Handler<'certificate.keys'> = async (_input, ctx) => {
  const own = deskKeys(ctx.services);
  const others = await trustedKeys(ctx.services.store.db);
  return [
    { keyId: own.keyId, publicKeyPem: own.publicKeyPem, label: '', own: true, importedAt: null },
    ...others.map((k) => ({ keyId: k.key_id, publicKeyPem: k.public_key_pem, label: k.label, own: false, importedAt: k.imported_at })),
  ];
};

const importKey: Handler<'certificate.importKey'> = async (input, ctx) => {
  let pem: string;
  try {
    const key = createPublicKey(input.publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    pem = key.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new DeskError('INVALID', 'err.INVALID', {}, { publicKeyPem: { key: 'v.cert.publicKey' } });
  }
  const keyId = keyIdOf(pem);
  if (keyId === deskKeys(ctx.services).keyId) throw new DeskError('CONFLICT', 'cert.keyIsOwn');
  const at = ctx.now.toISOString();
  await write(ctx, async ({ trx, audit }) => {
    await insertTrustedKey(trx, { keyId, publicKeyPem: pem, label: input.label, at, by: ctx.actor!.id });
    await audit({ action: 'certificate.importKey', target: `key:${keyId}`, after: { keyId, label: input.label } });
  });
  const row = (await trustedKeys(ctx.services.store.db)).find((k) => k.key_id === keyId)!;
  return { keyId, publicKeyPem: row.public_key_pem, label: row.label, own: false, importedAt: row.imported_at };
};

const notice: Handler<'documents.notice'> = async (input, ctx) => {
  await requireFiling(ctx.services.store.db, input.filingId);
  const found = await latestNotice(ctx, input.filingId, input.kind);
  return { fileId: String(found.id), filename: found.filename };
};

export const certificatesHandlers = {
  'certificate.forFiling': forFiling,
  'certificate.issue': issue,
  'certificate.get': get,
  'certificate.list': list,
  'certificate.verify': verify,
  'certificate.glyphCheck': glyphCheck,
  'certificate.revoke': revoke,
  'certificate.reissue': reissue,
  'certificate.publicKey': publicKey,
  'certificate.keys': keys,
  'certificate.importKey': importKey,
  'documents.notice': notice,
};

export const certificateFiles: FileRoutes = {
  // Every signed-in role reads every record (observers included); nobody else gets the files.
  certificate: {
    access: 'user',
    async serve(id, ctx) {
      if (!/^\d{1,15}$/.test(id)) return null;
      const db = ctx.services.store.db;
      const row = await getCertificate(db, Number(id));
      const pdf = row && (await getPdf(db, row.id));
      if (!row || !pdf) return null;
      return { bytes: pdf, mime: 'application/pdf', filename: `登记备案证明-${row.number}.pdf`, disposition: 'inline' };
    },
  },
  // An issued notice, exactly as stored when it was issued.
  notice: {
    access: 'user',
    async serve(id, ctx) {
      if (!/^\d{1,15}$/.test(id)) return null;
      const found = await storedNotice(ctx.services.store.db, Number(id));
      return found && { bytes: found.pdf, mime: 'application/pdf', filename: found.row.filename, disposition: 'inline' };
    },
  },
};
