import type { Db } from '../db/connection';
import type { Actor } from '../../shared/contract/auth';
import type { InboxRow } from '../../shared/contract/review';
import type { Settings } from '../../shared/schemas/settings';
import type { FilingState } from '../../shared/domain/states';
import { inboxCandidates, pausesOf, staleInOpenRounds } from '../db/review';
import { reviewClock, REVIEW_STEP, type PauseRow } from './clock';

/** Keeps each IN (...) list well under SQLite's bound-parameter limit. */
async function chunked<T>(ids: number[], load: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await load(ids.slice(i, i + 5000))));
  return out;
}

/**
 * What waits for the caller (domain §6, §7): a reviewer sees the filings whose open round waits for their unit,
 * pending or stale; clerks and observers see every unit. Oldest first, with the review clock's days left.
 */
export async function buildInbox(db: Db, actor: Actor, settings: Settings, today: string): Promise<InboxRow[]> {
  const unit = actor.role === 'reviewer' ? actor.unit : null;
  const candidates = await inboxCandidates(db, unit);
  const ids = candidates.map((c) => c.filingId);
  const [stale, pauses] = await Promise.all([
    chunked(ids, (p) => staleInOpenRounds(db, p)),
    chunked(ids, (p) => pausesOf(db, p, REVIEW_STEP)),
  ]);
  const staleAt = new Map(stale.map((s) => [`${s.filingId}:${s.section}`, s.staleAt]));
  const pausesBy = new Map<number, PauseRow[]>();
  for (const p of pauses) pausesBy.set(p.filing_id, [...(pausesBy.get(p.filing_id) ?? []), p]);

  const rows = candidates.map((c): InboxRow => {
    const sections = unit ? c.waitingUnits.filter((u) => u === unit) : c.waitingUnits;
    const staleSections = sections.filter((u) => staleAt.has(`${c.filingId}:${u}`));
    const since = sections.map((u) => staleAt.get(`${c.filingId}:${u}`) ?? c.roundOpenedAt).sort()[0] ?? c.roundOpenedAt;
    const clock = reviewClock(c.reviewStartedAt, pausesBy.get(c.filingId) ?? [], settings, today);
    return {
      filingId: c.filingId,
      filingNo: c.filingNo,
      projectName: c.projectName,
      applicantName: c.applicantName,
      state: c.state as FilingState,
      round: c.round,
      sections,
      staleSections,
      waitingSince: since,
      dueDate: clock.dueDate,
      daysLeft: clock.daysLeft,
      level: clock.level,
    };
  });
  return rows
    .filter((r) => r.sections.length > 0)
    .sort((a, b) => (a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : a.filingId - b.filingId));
}
