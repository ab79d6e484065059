import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Trx } from './connection';
import { dialectOf } from './dialect';
import { pgMatch, pgOrder } from './postgres/search';
import { charsPhrase } from './search-chars';
import { facetMatch, facetMatchCount } from './search-facets';
import type { FilingListInput, FilingRow } from '../../shared/contract/filings';
import type { FilingState } from '../../shared/domain/states';
import { clockToday } from '../../shared/domain/clock';
import { officialCalendar } from '../../shared/domain/calendar';
import { pausedSince } from './filings';

type Q = Db | Trx;

/** The filings list: Chinese substring search, filters, sort and paging over the summary rows. */
const sortColumn = {
  filingNo: 'filing_no',
  applicantName: 'applicant_name',
  creditCode: 'credit_code',
  projectName: 'project_name',
  state: 'state',
  parkId: 'park_id',
  updatedAt: 'updated_at',
  submittedAt: 'submitted_at',
  dueDate: 'due_date',
} as const;

/** Above this many text matches, walking the sort index and probing the match set beats sorting the matches. */
const DENSE_MATCHES = 2_000;
/**
 * The same for SQLite's trigram matches, which already pass the state and park filters (migration 013): a filter's
 * index walked in order and probed beats reading each match's wide row sooner (1,285 matches: 1.6 ms against 2.1).
 */
const DENSE_FACET_MATCHES = 1_000;

/**
 * SQLite's text match. Three or more characters: the trigram index (migration 013), whose state and park tokens a
 * filter intersects with the text inside the index (src/main/db/search-facets.ts). One or two characters: the
 * character index (migration 011, src/main/db/search-chars.ts), counted from the index alone; with a state or park
 * filter the same statement counts those that pass it, reading state and park from the narrow `filings_facets`
 * index (migration 012) rather than the wide rows. Few matches are fetched by rowid; for many, `+` keeps SQLite off
 * the rowid list, so it walks an index (the sort column's, or a filter's) probing the match set, and stops at one
 * page.
 */
/** The filings in `ids`: by rowid when few, and for many through `+`, which keeps SQLite off the rowid list. */
const inMatchSet = (ids: RawBuilder<unknown>, matches: number, dense: number) =>
  matches > dense ? sql<SqlBool>`+filings.id IN ${ids}` : sql<SqlBool>`filings.id IN ${ids}`;

async function sqliteMatch(
  db: Q,
  query: string,
  filters: { states: readonly string[]; parkId: string | null },
): Promise<{ count: number; where: RawBuilder<SqlBool> }> {
  if ([...query].length >= 3) {
    const match = await facetMatch(db, query, filters);
    if (match === null) return { count: 0, where: sql<SqlBool>`0` };
    const { count, ids } = await facetMatchCount(db, match);
    return { count, where: inMatchSet(ids, count, DENSE_FACET_MATCHES) };
  }
  const [table, phrase] = [sql.raw('filings_fts_chars'), charsPhrase(query)];
  const ids = sql`(SELECT rowid FROM ${table} WHERE ${table} MATCH ${phrase})`;
  const passes = [
    ...(filters.states.length ? [sql`state IN (${sql.join([...filters.states])})`] : []),
    ...(filters.parkId !== null ? [sql`park_id = ${filters.parkId}`] : []),
  ];
  // The join reads the matches in rowid order, each a lookup in the narrow index; FILTER is cheaper here than sum().
  const counting =
    passes.length > 0
      ? sql`SELECT count(*) AS n, count(*) FILTER (WHERE ${sql.join(passes, sql` AND `)}) AS passed
          FROM ${table} JOIN filings INDEXED BY filings_facets ON filings.id = ${table}.rowid WHERE ${table} MATCH ${phrase}`
      : sql`SELECT count(*) AS n, count(*) AS passed FROM ${table} WHERE ${table} MATCH ${phrase}`;
  const { rows } = await sql<{ n: number; passed: number }>`${counting}`.execute(db);
  const [all, passed] = [Number(rows[0]?.n ?? 0), Number(rows[0]?.passed ?? 0)];
  return { count: passed, where: inMatchSet(ids, all, DENSE_MATCHES) };
}

interface ListRow {
  id: number;
  filing_no: string;
  state: string;
  applicant_name: string;
  credit_code: string;
  project_name: string;
  park_id: string;
  updated_at: string;
  submitted_at: string | null;
  due_date: string | null;
  paused_since: string | null;
  next_item_due: string | null;
  conditional: number;
  is_demo: number;
}

export async function listFilings(db: Q, input: FilingListInput, today: string): Promise<{ total: number; rows: FilingRow[] }> {
  let q = db.selectFrom('filings');
  const query = input.query;
  const otherFilters = input.states.length > 0 || input.parkId !== null || input.unit !== null || input.overdueOnly;
  // Counted exactly from the search index, state and park filters included; with no other filter that count is the
  // total.
  const match = !query
    ? null
    : dialectOf(db) === 'postgres'
      ? await pgMatch(db, query, input, DENSE_MATCHES)
      : await sqliteMatch(db, query, input);
  if (match?.count === 0) return { total: 0, rows: [] };
  if (match) q = q.where(() => match.where);
  if (input.states.length) q = q.where('state', 'in', input.states);
  if (input.parkId) q = q.where('park_id', '=', input.parkId);
  if (input.unit) q = q.where('waiting_units', 'like', `%,${input.unit},%`);
  // The index on earliest_due narrows to candidates; the step's part is then the one clock's own test (domain §7):
  // days left = n(due) − n(pause start, else today) on the working-day table, so a paused step stays as it was.
  if (input.overdueOnly)
    q = q
      .where('earliest_due', '<', today)
      .where(
        sql<boolean>`(next_item_due < ${today} OR (SELECT n FROM work_days WHERE day = COALESCE(${pausedSince(db)}, ${today})) > (SELECT n FROM work_days WHERE day = due_date))`,
      );

  const col = sortColumn[input.sort];
  const columns = [
    'id',
    'filing_no',
    'state',
    'applicant_name',
    'credit_code',
    'project_name',
    'park_id',
    'updated_at',
    'submitted_at',
    'due_date',
    'next_item_due',
    'conditional',
    'is_demo',
  ] as const;
  const sorted = dialectOf(db) === 'postgres' ? q.orderBy(pgOrder(col, input.dir)) : q.orderBy(col, input.dir);
  const page = () =>
    sorted
      .select(columns)
      .select(pausedSince(db).as('paused_since'))
      .orderBy('id', input.dir)
      .limit(input.limit)
      .offset(input.offset)
      .execute() as Promise<ListRow[]>;
  // Totals are exact on every path (no "500+"): the count runs the page's own filters without sort or limit.
  const countAll = async () =>
    Number(
      (
        await db
          .selectFrom(q.select(sql`1`.as('x')).as('c'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const rows = await page();
  const total =
    !query && !otherFilters
      ? Number(
          (
            await db
              .selectFrom('filings')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : match && !input.unit && !input.overdueOnly
        ? match.count
        : await countAll();
  const ids = rows.map((r) => r.id);
  const items = ids.length
    ? await db
        .selectFrom('tracked_items')
        .select(['filing_id', 'due_date'])
        .where('filing_id', 'in', ids)
        .where('state', 'in', ['open', 'supplied'])
        .orderBy('due_date')
        .execute()
    : [];
  const clockOf = (r: ListRow) =>
    r.due_date ? clockToday({ baseDue: r.due_date, pausedSince: r.paused_since, today, warningDays: 0, calendar: officialCalendar }) : null;
  // Once per row: a clock far past its due date walks the calendar day by day (~0.7 ms), and both fields need it.
  const clocks = new Map(rows.map((r) => [r.id, clockOf(r)]));
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      filingNo: r.filing_no,
      state: r.state as FilingState,
      applicantName: r.applicant_name,
      creditCode: r.credit_code,
      projectName: r.project_name,
      parkId: r.park_id,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      dueDate: clocks.get(r.id)?.dueDate ?? null,
      overdue: (clocks.get(r.id)?.daysLeft ?? 0) < 0 || (r.next_item_due !== null && r.next_item_due < today),
      conditional: r.conditional === 1,
      itemDueDates: items.filter((i) => i.filing_id === r.id).map((i) => i.due_date),
      isDemo: r.is_demo === 1,
    })),
  };
}
