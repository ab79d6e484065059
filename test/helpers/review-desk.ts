/**
 * The review desk most integration tests start from: a fresh desk, one signed-in reviewer per unit and a clerk; and
 * the states they build on (an approved filing, an issued certificate), reached through the real handlers only.
 */
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';
import type { ReviewDecision } from '../../src/shared/domain/review';
import { createTestDesk, decisionInput, expectOk, newKey, reviewersByUnit, type TestDesk, type TestUser } from './desk';

export interface ReviewDesk {
  t: TestDesk;
  rv: Record<UnitCode, TestUser>;
  clerk: TestUser;
}

/** Use as `beforeEach(async () => ({ t, rv, clerk } = await reviewDesk()))`, with `afterEach(() => t.close())`. */
export async function reviewDesk(opts?: Parameters<typeof createTestDesk>[0]): Promise<ReviewDesk> {
  const t = await createTestDesk(opts);
  return { t, rv: await reviewersByUnit(t), clerk: await t.clerk() };
}

export interface ApprovedOptions {
  conditional?: boolean;
  /** Each unit's decision (approve where not given). */
  decisions?: Partial<Record<UnitCode, ReviewDecision>>;
  /** yj approves with a condition that blocks registration ('lock'). */
  lockCondition?: boolean;
}

/** An accepted filing taken through one review round in which every unit decides as given (approve by default). */
export async function approvedFiling({ t, rv, clerk }: ReviewDesk, opts: ApprovedOptions = {}) {
  const accepted = await t.acceptedFiling({ conditional: opts.conditional });
  let view = await clerk.session.ok('review.get', { filingId: accepted.id });
  for (const u of UNIT_CODES) {
    const locks = opts.lockCondition && u === 'yj';
    const conditions = locks
      ? [{ text: '试运行前完成HAZOP整改', verifyingUnit: 'yj' as const, dueDays: 10, blocks: 'lock' as const }]
      : undefined;
    view = await rv[u].session.ok(
      'review.decide',
      decisionInput(view, u, locks ? 'approveWithConditions' : (opts.decisions?.[u] ?? 'approve'), { conditions }),
    );
  }
  return clerk.session.ok('filing.get', { id: accepted.id });
}

/** A filing approved by all five units, its certificate issued by the clerk, and the issued PDF as the desk serves it. */
export async function issuedCertificate(d: ReviewDesk) {
  const f = await approvedFiling(d);
  const cert = await d.clerk.session.ok('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: newKey('issue') });
  const r = await d.t.desk.files('certificate', String(cert.id), { connectionId: d.clerk.session.connectionId, lang: 'en' });
  return { f, cert, pdf: expectOk(r).bytes };
}
