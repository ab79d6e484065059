/**
 * Issuing, re-issuing and changing the status of certificates, inside the caller's IMMEDIATE transaction.
 * The number is taken here, in the same transaction that stores the certificate, so the year's sequence has
 * neither gaps nor duplicates; the PDF is rendered here too, so what is stored is exactly what was issued.
 */
import { recordEvent } from '../events';
import { DeskError } from '../../shared/result';
import type { Settings } from '../../shared/schemas/settings';
import { UNIT_CODES } from '../../shared/domain/units';
import { auditAs, todayOf, type Ctx, type Services } from '../services';
import { GENESIS } from '../db/audit';
import { headInside } from '../db/store-ops';
import { bumpVersion, type FilingRecord } from '../db/filings';
import { getTrackedItems } from '../db/tracked-items';
import { getDecisions, getRounds } from '../db/review';
import { loadSettings } from '../db/settings';
import type { Db, Trx } from '../db/connection';
import { getCertificate, insertCertificate, liveCertificate, nextCertificateSeq, setStatus, type CertificateRow } from '../db/certificates';
import { loadOrCreateKeys, recordHash, signCertificate, type DeskKeys } from '../crypto/signing';
import { allText, renderCertificate } from '../pdf/certificate';
import { unsupportedCharacters } from '../pdf/fonts';
import { requireFiling } from '../filings/view';
import { lastDecision } from '../review/state';
import { buildRecord, canonicalRecord, certificateDoc, certificateNumber, parseRecord } from './record';
import { REGISTRATION_ACTION, requireTransition } from '../../shared/domain/transitions';
import { issueProblems, type IssueFacts, type Problem } from '../../shared/domain/issuing';
import { embedCode } from './pdf-code';

const keyCache = new Map<string, DeskKeys>();

/** The desk's signing keys (created on first use in <dataDir>/keys). */
export function deskKeys(services: Services): DeskKeys {
  const dir = services.store.dataDir;
  let keys = keyCache.get(dir);
  if (!keys) {
    keys = loadOrCreateKeys(dir);
    keyCache.set(dir, keys);
  }
  return keys;
}

async function moveFiling(trx: Trx, ctx: Ctx, filing: FilingRecord, set: Parameters<typeof bumpVersion>[4]): Promise<void> {
  if (!(await bumpVersion(trx, filing.id, filing.version, ctx.now.toISOString(), set))) throw new DeskError('STALE', 'err.STALE');
}

/** What the issuing rules look at, loaded from the store. */
export async function issueFacts(db: Db | Trx, filing: FilingRecord, settings: Settings): Promise<IssueFacts> {
  const [rounds, decisions, trackedItems, live] = await Promise.all([
    getRounds(db, filing.id),
    getDecisions(db, filing.id),
    getTrackedItems(db, filing.id),
    liveCertificate(db, filing.id),
  ]);
  const last = rounds[rounds.length - 1];
  return {
    state: filing.state,
    hasLive: live !== null,
    roundClosed: last !== undefined && last.closedAt !== null,
    undecided: UNIT_CODES.filter((u) => {
      const d = lastDecision(decisions, u);
      return d === null || d.stale;
    }),
    trackedItems,
    policy: settings.conditionalPolicy,
  };
}

export async function problemsFor(db: Db | Trx, filing: FilingRecord, settings: Settings): Promise<Problem[]> {
  return issueProblems(await issueFacts(db, filing, settings));
}

const codePoints = (chars: string[]) => chars.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ');

/** Numbers, builds, signs, renders and stores one certificate for the filing as it stands now. */
async function mint(
  trx: Trx,
  ctx: Ctx,
  a: { filing: FilingRecord; settings: Settings; replaces: CertificateRow | null; extensionTo: string | null },
): Promise<number> {
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4));
  const [decisions, trackedItems] = await Promise.all([getDecisions(trx, a.filing.id), getTrackedItems(trx, a.filing.id)]);
  const draft = buildRecord({
    number: '',
    filing: a.filing,
    decisions,
    trackedItems,
    settings: a.settings,
    issueDate: today,
    replaces: a.replaces?.number ?? null,
    extensionTo: a.extensionTo,
  });
  // The paper must say what the record says: refuse, before a number is taken, any character no face can print.
  const missing = unsupportedCharacters(allText(certificateDoc(draft, { qrText: '', verificationCode: '' }, '')));
  if (missing.length) throw new DeskError('CONFLICT', 'cert.problem.unprintable', { chars: missing.join(' '), codes: codePoints(missing) });
  const seq = await nextCertificateSeq(trx, year);
  const number = certificateNumber(a.settings, year, seq);
  // The same record with its number (the key keeps its place, so the canonical JSON is what buildRecord gives).
  const record = { ...draft, number };
  const json = canonicalRecord(record);
  const hash = recordHash(json);
  const keys = deskKeys(ctx.services);
  const issuedAt = ctx.now.toISOString();
  const signed = signCertificate(keys, { number, recordHash: hash, issuedAt });
  // The chain head as it stands before this issue's own entry: the newest state the certificate can vouch for.
  const head = await headInside(ctx.services.store, trx);
  const auditHead = `#${head?.seq ?? 0} ${head?.hash ?? GENESIS}`;
  const pdf = await embedCode(await renderCertificate(certificateDoc(record, signed, auditHead)), signed.qrText);
  return insertCertificate(trx, {
    number,
    year,
    seq,
    filingId: a.filing.id,
    recordJson: json,
    recordHash: hash,
    qrText: signed.qrText,
    verificationCode: signed.verificationCode,
    keyId: keys.keyId,
    auditHead,
    issuedAt,
    issuedBy: ctx.actor?.id ?? null,
    issuedByName: ctx.actor?.displayName ?? '',
    replacesId: a.replaces?.id ?? null,
    pdf,
  });
}

/** Issues the filing's certificate when the rules allow; the filing becomes 'registered'. Returns the new id. */
export async function issueCertificate(trx: Trx, ctx: Ctx, filingId: number, version: number): Promise<number> {
  const filing = await requireFiling(trx, filingId);
  if (filing.version !== version) throw new DeskError('STALE', 'err.STALE');
  const settings = await loadSettings(trx);
  const problems = await problemsFor(trx, filing, settings);
  if (problems.length) throw new DeskError('CONFLICT', problems[0]!.key, problems[0]!.params);
  const to = requireTransition(ctx.actor, filing.state, 'issueCertificate');
  const id = await mint(trx, ctx, { filing, settings, replaces: null, extensionTo: null });
  const cert = (await getCertificate(trx, id))!;
  await moveFiling(trx, ctx, filing, { state: to, step: null, due_date: null, waiting_units: '' });
  await recordEvent(trx, ctx, filing.id, 'certificate.issued', { certificateId: id, number: cert.number });
  await auditAs(trx, ctx, {
    action: 'certificate.issue',
    target: `filing:${filing.id}`,
    before: { state: filing.state },
    after: {
      state: to,
      certificateId: id,
      number: cert.number,
      recordHash: cert.recordHash,
      verificationCode: cert.verificationCode,
    },
  });
  return id;
}

/**
 * A new certificate with a new number for a registered filing (after an extension, issue 6), pointing at the one
 * it replaces, which becomes 'superseded'. `extensionTo` prints the approved new end date; without it the old
 * certificate's extension (if any) carries over.
 */
export async function reissueCertificate(
  trx: Trx,
  ctx: Ctx,
  certificateId: number,
  reason: string,
  opts: { extensionTo?: string | null } = {},
): Promise<number> {
  const old = await getCertificate(trx, certificateId);
  if (!old) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  if (old.status !== 'issued') throw new DeskError('CONFLICT', 'cert.notReissuable', { status: old.status });
  const filing = await requireFiling(trx, old.filingId);
  if (filing.state !== 'registered') throw new DeskError('CONFLICT', 'cert.problem.state', { state: filing.state });
  const settings = await loadSettings(trx);
  const at = ctx.now.toISOString();
  // Superseded first: at most one certificate per filing is in force (a unique index stands behind this).
  await setStatus(trx, old.id, { status: 'superseded', reason, at });
  const extensionTo = opts.extensionTo !== undefined ? opts.extensionTo : (parseRecord(old.recordJson).extension?.to ?? null);
  const id = await mint(trx, ctx, { filing, settings, replaces: old, extensionTo });
  const cert = (await getCertificate(trx, id))!;
  await moveFiling(trx, ctx, filing, {});
  await recordEvent(trx, ctx, filing.id, 'certificate.reissued', { certificateId: id, number: cert.number, replaces: old.number, reason });
  await auditAs(trx, ctx, {
    action: 'certificate.reissue',
    target: `filing:${filing.id}`,
    before: { certificateId: old.id, number: old.number, status: old.status },
    after: { certificateId: id, number: cert.number, replaces: old.number, reason, extensionTo },
  });
  return id;
}

/**
 * Suspends, reinstates or revokes the filing's certificate in force (breach escalation, domain §9), and moves the
 * filing with it. Returns the certificate id. Setting the status it already has changes nothing.
 */
export async function setCertificateStatus(
  trx: Trx,
  ctx: Ctx,
  filingId: number,
  status: 'suspended' | 'issued' | 'revoked',
  reason: string,
): Promise<number> {
  const live = await liveCertificate(trx, filingId);
  if (!live) throw new DeskError('CONFLICT', 'cert.noneInForce');
  if (live.status === status) return live.id;
  const filing = await requireFiling(trx, filingId);
  const to = requireTransition(ctx.actor, filing.state, REGISTRATION_ACTION[status], 'cert.problem.state');
  await setStatus(trx, live.id, { status, reason, at: ctx.now.toISOString() });
  await moveFiling(trx, ctx, filing, { state: to, step: null, due_date: null, waiting_units: '' });
  const kind = status === 'issued' ? 'certificate.reinstated' : `certificate.${status}`;
  await recordEvent(trx, ctx, filingId, kind, { certificateId: live.id, number: live.number, reason });
  await auditAs(trx, ctx, {
    action: kind,
    target: `filing:${filingId}`,
    before: { status: live.status, state: filing.state },
    after: { certificateId: live.id, number: live.number, status, state: to, reason },
  });
  return live.id;
}

/** Revokes a certificate in force by its id (the register's action); the filing becomes 'revoked'. */
export async function revokeCertificate(trx: Trx, ctx: Ctx, certificateId: number, reason: string): Promise<number> {
  const cert = await getCertificate(trx, certificateId);
  if (!cert) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  if (cert.status !== 'issued' && cert.status !== 'suspended')
    throw new DeskError('CONFLICT', 'cert.notRevocable', { status: cert.status });
  // A closed pilot's certificate is no longer in force: there is nothing left to revoke.
  if ((await requireFiling(trx, cert.filingId)).state === 'closed')
    throw new DeskError('CONFLICT', 'cert.notRevocable', { status: 'closed' });
  return setCertificateStatus(trx, ctx, cert.filingId, 'revoked', reason);
}
