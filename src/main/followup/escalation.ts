/**
 * Escalation by policy (domain §9): an item the applicant left open past its due date terminates a filing that is
 * not yet registered; after registration it suspends the registration, and revokes it once the grace period has
 * passed, counted from the suspension. Only the verifying units' close (销号) or "not applied" of every overdue item
 * lifts a suspension. Each step is its own audited write with its reason. Nothing is revoked unless a clerk saw it
 * in the preview and confirmed it (domain §9: the desk shows what a sweep will do and asks before it revokes).
 */
import type { SweepResult } from '../../shared/contract/followup';
import type { FilingState } from '../../shared/domain/states';
import { breachAction, inBreach } from '../../shared/domain/follow-up';
import { nextState, requireTransition } from '../../shared/domain/transitions';
import { officialCalendar, toIsoDate } from '../../shared/domain/calendar';
import { storedMessage } from '../../shared/i18n/stored';
import { todayOf, emit, write, type Ctx, type Services } from '../services';
import { bumpVersion } from '../db/filings';
import { breachCandidates, openItemsOf } from '../db/followup';
import { syncStoreWorkDays } from '../db/store-ops';
import { loadSettings } from '../db/settings';
import { requireFiling } from '../filings/view';
import { setRegistrationStatus, type RegistrationStatus } from './certificate-link';
import { retireItems } from './items';
import { recordEvent } from '../events';
import { dateOf } from '../review/clock';

type Action = SweepResult['actions'][number];

/**
 * What each escalation step does beside the filing's move (the transition table's): the certificate's new status
 * (none before registration) and the event.
 */
const STEPS = {
  terminate: { certificate: null, event: 'followup.terminated' },
  suspend: { certificate: 'suspended', event: 'followup.suspended' },
  revoke: { certificate: 'revoked', event: 'followup.revoked' },
  reinstate: { certificate: 'issued', event: 'followup.reinstated' },
} as const satisfies Record<Action['action'], { certificate: RegistrationStatus | null; event: string }>;

type Candidate = Awaited<ReturnType<typeof breachCandidates>>[number];

/** What the policy asks of one candidate today: the same answer for the preview and for the sweep itself. */
function planned(row: Candidate, today: string, graceDays: number): Action['action'] | null {
  const from = row.state as FilingState;
  const overdueSince = row.overdue_since;
  const breach = breachAction({
    filingState: from,
    overdueSince,
    suspendedOn: row.suspended_on,
    today,
    graceDays,
    calendar: officialCalendar,
  });
  return breach.action !== 'none' ? breach.action : from === 'suspended' && overdueSince === null ? 'reinstate' : null;
}

/** The sweep's plan without doing any of it, for the clerk to read (and confirm each revocation) first. */
export async function previewSweep(ctx: Ctx, filingId: number | null = null): Promise<SweepResult> {
  const today = todayOf(ctx);
  const { graceDays } = (await loadSettings(ctx.services.store.db)).timeLimits;
  const actions: Action[] = [];
  for (const row of await breachCandidates(ctx.services.store.db, today, filingId)) {
    const action = planned(row, today, graceDays);
    if (action)
      actions.push({
        filingId: row.id,
        filingNo: row.filing_no,
        action,
        from: row.state as FilingState,
        to: nextState(row.state as FilingState, action) ?? (row.state as FilingState),
        overdueSince: row.overdue_since,
      });
  }
  return { today, actions };
}

/** One step for one filing, re-read inside its own transaction; null when the policy asks nothing of it now. */
async function escalateOnce(ctx: Ctx, filingId: number, graceDays: number, mayRevoke: boolean): Promise<Action | null> {
  const today = todayOf(ctx);
  return write(ctx, async ({ trx, audit }) => {
    const row = (await breachCandidates(trx, today, filingId))[0];
    if (!row) return null;
    const from = row.state as FilingState;
    const overdueSince = row.overdue_since;
    const action = planned(row, today, graceDays);
    if (!action || (action === 'revoke' && !mayRevoke)) return null;
    const overdue = (await openItemsOf(trx, filingId)).filter((i) =>
      inBreach({ state: i.state, dueDate: i.due_date, suppliedOn: i.supplied_at ? dateOf(i.supplied_at) : null }, today),
    );
    const items = overdue.map((i) => ({ itemId: i.id, text: i.text, dueDate: i.due_date }));
    const reason =
      action === 'reinstate'
        ? storedMessage('fu.reason.cleared')
        : action === 'revoke'
          ? storedMessage('fu.reason.grace', { date: overdueSince ?? '', days: graceDays, n: items.length })
          : storedMessage('fu.reason.overdue', { date: overdueSince ?? '', n: items.length });
    const step = STEPS[action];
    const to = requireTransition(ctx.actor, from, action);
    if (step.certificate === null) {
      const f = await requireFiling(trx, filingId);
      await bumpVersion(trx, filingId, f.version, ctx.now.toISOString(), { state: to, step: null, due_date: null, waiting_units: '' });
    } else await setRegistrationStatus(trx, ctx, filingId, step.certificate, reason);
    if (to === 'terminated' || to === 'revoked') await retireItems(trx, ctx, filingId, reason);
    const detail = { action, from, to, reason, overdueSince, items, graceDays };
    await recordEvent(trx, ctx, filingId, step.event, detail);
    await audit({ action: 'followup.escalate', target: `filing:${filingId}`, before: { state: from }, after: detail });
    return { filingId, filingNo: row.filing_no, action, from, to, overdueSince };
  });
}

/**
 * Walks every filing in breach (or suspended and cleared) as of ctx.now. Revokes only the filings in `revoke`, which
 * the clerk confirmed from the preview; the timed sweep passes none, so it never revokes by itself.
 */
export async function sweep(ctx: Ctx, filingId: number | null = null, revoke: readonly number[] = []): Promise<SweepResult> {
  const { db } = ctx.services.store;
  const today = todayOf(ctx);
  const { graceDays } = (await loadSettings(db)).timeLimits;
  const actions: Action[] = [];
  for (const row of await breachCandidates(db, today, filingId)) {
    // suspend then revoke can both be due when the sweep has not run for a while
    for (let step = 0; step < 3; step++) {
      const done = await escalateOnce(ctx, row.id, graceDays, revoke.includes(row.id));
      if (!done) break;
      actions.push(done);
      emit(ctx.services, 'filing.changed', { filingId: row.id, version: (await requireFiling(db, row.id)).version });
      if (done.to === 'terminated' || done.to === 'revoked' || done.to === 'registered') break;
    }
  }
  // Reminders depend on the day, not only on writes: every sweep tells open windows to refresh their bell.
  emit(ctx.services, 'notifications.changed', {});
  if (actions.length) emit(ctx.services, 'inbox.changed', { units: [] });
  return { today, actions };
}

/**
 * For the host (browser mode) and the Electron main process: run once when the desk starts and then on a timer
 * (hourly is plenty; deadlines move by the day). Acts as the desk itself (no signed-in actor) and is audited so.
 * Does nothing while the database is read-only.
 */
export async function runEscalationSweep(services: Services): Promise<SweepResult> {
  const now = services.clock();
  if (!services.store.health.ok) return { today: toIsoDate(now), actions: [] };
  await syncStoreWorkDays(services.store);
  return sweep({ services, actor: null, now, lang: 'zh-CN', connectionId: 'escalation-sweep' });
}
