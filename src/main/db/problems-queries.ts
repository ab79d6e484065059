import { sql } from 'kysely';
import type { ProblemListInput } from '../../shared/contract/problems';
import type { Q } from './problems-schema';
import type { ProblemRecord } from './problems';
import { dialectOf } from './dialect';

/**
 * Lists and the common-blockage aggregates. The aggregates read only the problem rows and their causes (never the
 * reports, which outnumber them ten to one), each through an index made for it in migration 008.
 */

export async function listProblems(
  db: Q,
  input: ProblemListInput,
  today: string,
  mine: string | null,
): Promise<{ total: number; rows: ProblemRecord[] }> {
  let q = db.selectFrom('problems as p');
  if (input.states.length) q = q.where('p.state', 'in', input.states);
  if (input.lead) q = q.where('p.lead', '=', input.lead);
  if (input.category) q = q.where('p.category', '=', input.category);
  if (input.grade) q = q.where('p.grade', '=', input.grade);
  if (input.overdueOnly) q = q.where('p.state', '=', 'dispatched').where('p.due_date', '<', today).where('p.paused_since', 'is', null);
  if (input.reassignedOnly) q = q.where('p.reassign_count', '>', 0);
  if (input.unsatisfiedOnly) q = q.where('p.unsatisfied_count', '>', 0);
  if (input.mineOnly) {
    const who = mine ?? '';
    q = q.where((eb) => eb.or([eb('p.lead', '=', who), eb('p.cooperating', 'like', `%,${who},%`)]));
  }
  if (input.causeClass || input.causeUnit) {
    // Driven from the causes (far fewer rows than problems), through their (category, class, unit) index.
    const { causeClass, causeUnit, category } = input;
    q = q.where('p.id', 'in', (eb) =>
      eb
        .selectFrom('problem_blockages as b')
        .select('b.problem_id')
        .$if(category !== null, (s) => s.where('b.category', '=', category!))
        .$if(causeClass !== null, (s) => s.where('b.class', '=', causeClass!))
        .$if(causeUnit !== null, (s) => s.where('b.unit', '=', causeUnit!)),
    );
  }
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q.selectAll('p').orderBy('p.id', 'desc').offset(input.offset).limit(input.limit).execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function pausesOf(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('problem_pauses').selectAll().where('problem_id', 'in', ids).orderBy('id').execute();
}

export async function blockageAggregates(db: Q, today: string) {
  const k = db;
  const [byState, causes, solved, overdue, reassigned, unsatisfied] = await Promise.all([
    k
      .selectFrom('problems')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute(),
    k
      .selectFrom('problem_blockages')
      .select(['category', 'class', 'unit', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['category', 'class', 'unit'])
      .execute(),
    k
      .selectFrom('problems')
      .select(['category', 'grade', 'solved_days', (eb) => eb.fn.countAll<number>().as('n')])
      .where('solved_days', 'is not', null)
      .groupBy(['category', 'grade', 'solved_days'])
      .execute(),
    k
      .selectFrom('problems')
      .select(['lead', (eb) => eb.fn.countAll<number>().as('n')])
      .where('state', '=', 'dispatched')
      .where('due_date', '<', today)
      .where('paused_since', 'is', null)
      // "+lead": SQLite's grouping must not pick the lead index (a skip-scan of every problem) over the state index
      // range; the unary plus is SQLite's planner hint only (PostgreSQL has no + on text).
      .groupBy(dialectOf(db) === 'postgres' ? sql`lead` : sql`+lead`)
      .execute(),
    k
      .selectFrom('problems')
      .select(['category', (eb) => eb.fn.sum<number>('reassign_count').as('n')])
      .where('reassign_count', '>', 0)
      .groupBy('category')
      .execute(),
    k
      .selectFrom('problem_visits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('satisfied', '=', 0)
      .executeTakeFirstOrThrow(),
  ]);
  return { byState, causes, solved, overdue, reassigned, unsatisfied: Number(unsatisfied.n) };
}
