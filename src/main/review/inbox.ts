import type { Db } from '../db/connection';
import type { Actor } from '../../shared/contract/auth';
import type { InboxRow } from '../../shared/contract/review';
import type { Settings } from '../../shared/schemas/settings';
import type { FilingState } from '../../shared/domain/states';
import { deskWork, inboxCandidates, pausesOf, staleInOpenRounds } from '../db/review';
import { filingClock, reviewClock, REVIEW_STEP, type PauseRow } from './clock';

/** Keeps each IN (...) list well under SQLite's bound-parameter limit. */
async function chunked<T>(ids: number[], load: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await load(ids.slice(i, i + 5000))));
  return out;
}

/**
 * What waits for the caller (domain §6, §7): a reviewer sees the filings whose open round waits for their unit,
 * pending or stale; clerks and observers see every unit, and clerks also their own work (acceptance, certificate)
 * and what waits for the applicant (domain §9). Oldest first, each with its clock's days left.
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
      work: 'review',
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
  const desk = actor.role === 'clerk' ? await deskRows(db, settings, today) : [];
  return [...rows.filter((r) => r.sections.length > 0), ...desk].sort((a, b) =>
    a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : a.filingId - b.filingId,
  );
}

const WORK: Record<string, InboxRow['work']> = {
  submitted: 'acceptance',
  approved: 'certificate',
  correction_requested: 'applicant',
  supplement_requested: 'applicant',
};

/** The clerk's own work and the applicant's, each with its clock (the one clock of domain §7). */
async function deskRows(db: Db, settings: Settings, today: string): Promise<InboxRow[]> {
  return (await deskWork(db)).map((f) => {
    const clock = filingClock({ dueDate: f.due_date, pausedSince: f.paused_since }, settings, today);
    return {
      work: WORK[f.state]!,
      filingId: f.id,
      filingNo: f.filing_no,
      projectName: f.project_name,
      applicantName: f.applicant_name,
      state: f.state as FilingState,
      round: null,
      sections: [],
      staleSections: [],
      waitingSince: f.state === 'submitted' ? (f.submitted_at ?? f.updated_at) : f.updated_at,
      dueDate: clock?.dueDate ?? null,
      daysLeft: clock?.daysLeft ?? null,
      level: clock?.level ?? 'ok',
    };
  });
}
