import type { Handler } from '../dispatch';
import { loadSettings } from '../db/settings';
import { getPauses } from '../db/filings';
import { getDecisions, getEvents, getRounds } from '../db/review';
import { requireFiling } from '../filings/view';
import { buildTrajectory } from '../review/trajectory';

const get: Handler<'trajectory.get'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const filing = await requireFiling(db, input.filingId);
  const [events, rounds, decisions, pauses, settings] = await Promise.all([
    getEvents(db, filing.id),
    getRounds(db, filing.id),
    getDecisions(db, filing.id),
    getPauses(db, filing.id),
    loadSettings(db),
  ]);
  return buildTrajectory({ filing, events, rounds, decisions, pauses, settings, now: ctx.now });
};

export const trajectoryHandlers = { 'trajectory.get': get };
