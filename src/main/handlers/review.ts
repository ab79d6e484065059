import { toIsoDate } from '../../shared/domain/calendar';
import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { diffFacts } from '../../shared/domain/staleness';
import type { UnitCode } from '../../shared/domain/units';
import type { Trx } from '../db/connection';
import { emit, settingsOf, write, writeOnce, type Ctx } from '../services';
import { bumpVersion, getPauses } from '../db/filings';
import { endPause, getDecisions, getRounds, insertPause } from '../db/review';
import { requireFiling } from '../filings/view';
import { recordDecision } from '../review/decide';
import { requireAuthority } from '../../shared/domain/authority';
import { requireTransition } from '../../shared/domain/transitions';
import { openNextRound } from '../review/rounds';
import { recordEvent } from '../events';
import { buildReviewView, requireReviewState, reviewViewOf } from '../review/view';
import { buildInbox } from '../review/inbox';
import { factsSinceSigned } from '../review/facts';
import { describedDiff } from '../review/diff';
import { issueNotices } from '../certificates/notice-store';
import { lastDecision } from '../review/state';
import { reviewDue, REVIEW_STEP, WAITING_FOR_APPLICANT } from '../review/clock';
import { trajectoryHandlers } from './trajectory';
// Registers the demo loader's review stage (it moves demo filings through review to their targets).

const changed = (ctx: Ctx, filingId: number, version: number, units: UnitCode[]) => {
  emit(ctx.services, 'filing.changed', { filingId, version });
  emit(ctx.services, 'inbox.changed', { units });
};

/** The version check of every review write: the later of two saves gets STALE with the current review. */
async function lockForReview(trx: Trx, filingId: number, version: number) {
  const f = await requireFiling(trx, filingId);
  if (f.version !== version) throw new DeskError('STALE', 'err.STALE', {}, undefined, await buildReviewView(trx, filingId));
  return f;
}

const get: Handler<'review.get'> = (input, ctx) => buildReviewView(ctx.services.store.db, input.filingId);

const decide: Handler<'review.decide'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  // Checked before anything else, so every refused attempt is refused (and audited) the same way.
  requireAuthority(ctx.actor, input.section);
  const actor = ctx.actor;
  const settings = await settingsOf(ctx);
  const { filingId } = await writeOnce(ctx, async (scope) => {
    await recordDecision(scope, ctx, input, actor, { via: 'desk', meetingId: null }, settings);
    return { filingId: input.filingId };
  });
  // Read once, in one statement on the district server, for both the notices and the reply (issuing a notice changes
  // neither the filing nor its review).
  const { filing, rounds, decisions } = await requireReviewState(db, filingId);
  // A round that closed in revise or reject issues its notice, rendered outside the decision's transaction.
  await issueNotices(ctx, filingId, 'decision', { filing, rounds });
  const view = reviewViewOf(filing, rounds, decisions);
  changed(ctx, filingId, view.filingVersion, [input.section]);
  return view;
};

const diff: Handler<'review.diff'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const filing = await requireFiling(db, input.filingId);
  const signed = lastDecision(await getDecisions(db, filing.id), input.section);
  if (!signed) return { signedVersion: null, currentVersion: filing.version, changes: [], described: [] };
  const settings = await settingsOf(ctx);
  const now = (await factsSinceSigned(db, filing.id, filing.fields, settings))(signed);
  const changes = diffFacts(signed.facts, now.facts);
  const described = await describedDiff(db, filing.id, changes, settings);
  return { signedVersion: signed.filingVersion, currentVersion: filing.version, changes, described };
};

const inbox: Handler<'review.inbox'> = async (_input, ctx) => {
  const { db } = ctx.services.store;
  return buildInbox(db, ctx.actor!, await settingsOf(ctx), toIsoDate(ctx.now));
};

const recordSupplement: Handler<'review.recordSupplement'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const settings = await settingsOf(ctx);
  let units: UnitCode[] = [];
  const { filingId } = await writeOnce(ctx, async ({ trx, audit }) => {
    const filing = await lockForReview(trx, input.filingId, input.version);
    const to = requireTransition(ctx.actor, filing.state, 'recordSupplement', 'review.notWaitingSupplement');
    const now = ctx.now.toISOString();
    for (const p of await getPauses(trx, filing.id))
      if (p.ended_at === null && p.reason === WAITING_FOR_APPLICANT) await endPause(trx, p.id, now);
    await recordEvent(trx, ctx, filing.id, 'review.supplied', { note: input.note });
    const next = await openNextRound(trx, ctx, filing, settings);
    units = next.units;
    const { units: _units, ...change } = next;
    if (!(await bumpVersion(trx, filing.id, filing.version, now, { ...change, state: to })))
      throw new DeskError('STALE', 'err.STALE', {}, undefined, await buildReviewView(trx, filing.id));
    await audit({
      action: 'review.recordSupplement',
      target: `filing:${filing.id}`,
      before: { state: filing.state },
      after: { state: to, note: input.note, nextRoundUnits: next.units },
    });
    return { filingId: filing.id };
  });
  const view = await buildReviewView(db, filingId);
  changed(ctx, filingId, view.filingVersion, units);
  return view;
};

const pauseClock: Handler<'review.pauseClock'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const settings = await settingsOf(ctx);
  await write(ctx, async ({ trx, audit }) => {
    const filing = await lockForReview(trx, input.filingId, input.version);
    requireTransition(ctx.actor, filing.state, 'pauseClock', 'review.notInReview');
    const now = ctx.now.toISOString();
    const open = (await getPauses(trx, filing.id)).find((p) => p.ended_at === null);
    if (input.pause) {
      if (open) throw new DeskError('CONFLICT', 'review.alreadyPaused');
      await insertPause(trx, { filingId: filing.id, step: REVIEW_STEP, startedAt: now, reason: input.reason });
    } else {
      // Only the supplement ends the wait for the applicant; resuming here is for expert reviews.
      if (!open || open.reason === WAITING_FOR_APPLICANT) throw new DeskError('CONFLICT', 'review.notPaused');
      await endPause(trx, open.id, now);
    }
    await recordEvent(trx, ctx, filing.id, input.pause ? 'review.clockPaused' : 'review.clockResumed', { reason: input.reason });
    const rounds = await getRounds(trx, filing.id);
    const dueDate = reviewDue(rounds[0]?.openedAt ?? now, await getPauses(trx, filing.id), settings, toIsoDate(ctx.now));
    if (!(await bumpVersion(trx, filing.id, filing.version, now, { due_date: dueDate })))
      throw new DeskError('STALE', 'err.STALE', {}, undefined, await buildReviewView(trx, filing.id));
    await audit({
      action: 'review.pauseClock',
      target: `filing:${filing.id}`,
      before: { paused: open !== undefined, reason: open?.reason ?? null },
      after: { paused: input.pause, reason: input.reason, dueDate },
    });
  });
  const view = await buildReviewView(db, input.filingId);
  changed(ctx, input.filingId, view.filingVersion, []);
  return view;
};

export const reviewHandlers = {
  'review.get': get,
  'review.decide': decide,
  'review.diff': diff,
  'review.inbox': inbox,
  'review.recordSupplement': recordSupplement,
  'review.pauseClock': pauseClock,
  ...trajectoryHandlers,
};
