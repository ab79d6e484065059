/**
 * A real desk in a temp folder for integration tests: real SQLite, real handlers, every call through dispatch.
 * The clock is injectable and mutable, so tests walk time forward without sleeping.
 *
 *   const t = await createTestDesk();
 *   const admin = await t.setupAdmin();
 *   const yj = await t.createUser('reviewer', 'yj');
 *   const filing = await t.acceptedFiling({ conditional: true });
 *   expectOk(await yj.session.call('review.get', { filingId: filing.id }));
 *   t.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createDesk, type Desk } from '../../src/main/desk';
import { openTestStore, storeQuery } from './store';
import type { Channel, Input, Output } from '../../src/shared/contract';
import type { FilingView } from '../../src/shared/contract/filings';
import type { ReviewView } from '../../src/shared/contract/review';
import type { ReviewDecision } from '../../src/shared/domain/review';
import type { Lang } from '../../src/shared/i18n';
import type { Result } from '../../src/shared/result';
import { UNIT_CODES, type Role, type UnitCode } from '../../src/shared/domain/units';
import { addDays, addMonths, toIsoDate } from '../../src/shared/domain/calendar';
import { demoFields } from '../../src/main/demo/data';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { defaultSettings } from '../../src/main/db/settings';

export const TEST_PASSWORD = 'test-password-2026';

/** Unwraps an ok Result; on failure the assertion shows the whole error (code, message, fields). */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Asserts a failed Result with the given code and returns its error. */
export function expectError<T>(result: Result<T>, code: string) {
  if (result.ok) expect.fail(`expected ${code}, got ok`);
  expect(result.error.code, result.error.message).toBe(code);
  return result.error;
}

export interface TestClock {
  (): Date;
  set(at: string | Date): void;
  advance(a: { days?: number; hours?: number; minutes?: number }): void;
  /** The desk's calendar date (Asia/Shanghai). */
  today(): string;
}

export function createClock(start: string | Date): TestClock {
  let ms = new Date(start).getTime();
  const clock = (() => new Date(ms)) as TestClock;
  clock.set = (at) => {
    ms = new Date(at).getTime();
  };
  clock.advance = ({ days = 0, hours = 0, minutes = 0 }) => {
    ms += ((days * 24 + hours) * 60 + minutes) * 60_000;
  };
  clock.today = () => toIsoDate(new Date(ms));
  return clock;
}

export interface Session {
  connectionId: string;
  username: string | null;
  /** Dispatches with this session's own connection id; returns the Result as every transport would. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** The same with an input the contract does not allow (strict-schema tests). */
  raw(channel: string, input: unknown): Promise<Result<unknown>>;
  /** call + expectOk. */
  ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
  role: Role;
  unit: UnitCode | null;
  session: Session;
}

export interface TestDesk {
  dir: string;
  desk: Desk;
  clock: TestClock;
  dispatch: Desk['dispatch'];
  /** Creates the first admin through auth.setup and returns it signed in (idempotent). */
  setupAdmin(): Promise<TestUser>;
  /** Creates an account through accounts.create (as the admin) and signs it in on its own connection. */
  createUser(role: Role, unit?: UnitCode | null): Promise<TestUser>;
  /** Signs in on a fresh connection. */
  session(username: string, password?: string): Promise<Session>;
  /** A connection nobody has signed in on. */
  anonymous(): Session;
  /** A signed-in clerk, created on first use. */
  clerk(): Promise<TestUser>;
  /** A complete valid filing with one small PDF per applicable material, submitted through the real handlers. */
  newSubmittedFiling(opts?: { conditional?: boolean; index?: number }): Promise<FilingView>;
  /** newSubmittedFiling, then accepted (or conditionally accepted, leaving two eligible papers missing). */
  acceptedFiling(opts?: { conditional?: boolean; index?: number }): Promise<FilingView>;
  /** Raw SQL on whichever store the desk runs (`?` placeholders on both), for checks the handlers do not expose. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): void | Promise<void>;
}

/** A filings-list request: everything, newest first, one page; override what the test is about. */
export const listInput = (over: Partial<Input<'filing.list'>> = {}): Input<'filing.list'> => ({
  query: '',
  states: [],
  parkId: null,
  unit: null,
  overdueOnly: false,
  sort: 'updatedAt',
  dir: 'desc',
  offset: 0,
  limit: 50,
  ...over,
});

/** Materials left out of a conditional filing: eligible papers the applicant promises to supply later. */
export const CONDITIONAL_MISSING = ['emergency-plan', 'staff'];

let connections = 0;
let keys = 0;
/** A fresh idempotency key (8–64 of [A-Za-z0-9_-]). */
export const newKey = (prefix = 'key') => `${prefix}-${process.pid}-${++keys}-${Date.now().toString(36)}`;

export async function createTestDesk(opts: { now?: string; lang?: Lang; realSessionLimits?: boolean } = {}): Promise<TestDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
  // Monday 2 March 2026, 10:00 in Shanghai: a plain working day away from any holiday.
  const clock = createClock(opts.now ?? '2026-03-02T02:00:00Z');
  // Tests walk the clock by days with the same sign-ins; only the session tests keep the limits from Settings.
  const sessionLimits = opts.realSessionLimits ? undefined : { idleMinutes: 10 * 365 * 24 * 60, absoluteHours: 10 * 365 * 24 };
  const options = { mode: 'test' as const, checkOutputs: true, scrypt: { N: 2 ** 14, r: 8, p: 1 }, clock, sessionLimits };
  // DESK_STORE=postgres runs the same desk on a fresh PostgreSQL database (see ./store.ts).
  const desk: Desk = (await openTestStore(dir, options)) ?? createDesk(dir, options);
  const lang = opts.lang ?? 'en';
  let admin: TestUser | null = null;
  let clerk: TestUser | null = null;
  let filingIndex = 0;
  const counters = new Map<string, number>();

  const makeSession = (username: string | null): Session => {
    const connectionId = `test:${process.pid}:${++connections}`;
    const raw = (channel: string, input: unknown) => desk.dispatch(channel, input, { connectionId, lang });
    return {
      connectionId,
      username,
      raw,
      call: (channel, input) => raw(channel, input) as never,
      ok: async (channel, input) => expectOk(await raw(channel, input)) as never,
    };
  };

  const session = async (username: string, password = TEST_PASSWORD): Promise<Session> => {
    const s = makeSession(username);
    await s.ok('auth.login', { username, password });
    return s;
  };

  const setupAdmin = async (): Promise<TestUser> => {
    if (admin) return admin;
    const a = await makeSession(null).ok('auth.setup', { username: 'admin', displayName: 'Test Admin', password: TEST_PASSWORD });
    admin = { id: a.id, username: 'admin', password: TEST_PASSWORD, role: 'admin', unit: null, session: await session('admin') };
    return admin;
  };

  const createUser = async (role: Role, unit: UnitCode | null = null): Promise<TestUser> => {
    const a = await setupAdmin();
    const stem = `${role}${unit ? `-${unit}` : ''}`;
    const n = (counters.get(stem) ?? 0) + 1;
    counters.set(stem, n);
    const username = `${stem}-${n}`;
    const account = await a.session.ok('accounts.create', { username, displayName: `${stem} ${n}`, role, unit, password: TEST_PASSWORD });
    return { id: account.id, username, password: TEST_PASSWORD, role, unit, session: await session(username) };
  };

  const getClerk = async () => (clerk ??= await createUser('clerk', 'sp'));

  const newSubmittedFiling = async ({ conditional = false, index }: { conditional?: boolean; index?: number } = {}) => {
    const c = (await getClerk()).session;
    const settings = defaultSettings();
    const i = index ?? filingIndex++;
    const park = settings.parks[i % settings.parks.length]!;
    const base = park.bases[i % park.bases.length]!;
    const start = addDays(clock.today(), 40);
    let view = await c.ok('filing.create', { fields: demoFields(i, park.id, base.id, start, addMonths(start, 18)) });
    for (const m of view.materials) {
      if (!m.applicable || (conditional && CONDITIONAL_MISSING.includes(m.code)) || (m.code === 'commitment' && !conditional)) continue;
      view = await c.ok('material.attach', {
        filingId: view.id,
        version: view.version,
        code: m.code,
        file: { name: `${m.code}.pdf`, contentBase64: demoPdfBase64(`${view.filingNo} ${m.code}`) },
      });
    }
    return c.ok('filing.submit', { id: view.id, version: view.version });
  };

  const acceptedFiling = async (opts: { conditional?: boolean; index?: number } = {}) => {
    const view = await newSubmittedFiling(opts);
    const c = (await getClerk()).session;
    const preview = await c.ok('acceptance.preview', { filingId: view.id });
    return c.ok('acceptance.decide', {
      filingId: view.id,
      version: view.version,
      decision: opts.conditional ? 'conditional' : 'accept',
      reason: '',
      corrections: [],
      deadlines: opts.conditional ? preview.missing.map((m) => ({ materialCode: m.materialCode, dueDate: m.maxDueDate })) : [],
      idempotencyKey: newKey('accept'),
    });
  };

  return {
    dir,
    desk,
    clock,
    dispatch: desk.dispatch,
    setupAdmin,
    createUser,
    session,
    anonymous: () => makeSession(null),
    clerk: getClerk,
    newSubmittedFiling,
    acceptedFiling,
    query: (sql, ...params) => storeQuery(desk.services.store, sql, params),
    close: () => {
      const closed = desk.close();
      // The district server's store finishes its anchor write into the folder before it is removed.
      if (closed instanceof Promise) return closed.then(() => rmSync(dir, { recursive: true, force: true }));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A valid review.decide input for `unit` on the view's current round and version: every checklist item passes
 * (or `failed` ones fail), an opinion where one is required, one condition for approveWithConditions.
 */
export function decisionInput(
  view: Pick<ReviewView, 'filingId' | 'filingVersion' | 'currentRound'>,
  unit: UnitCode,
  decision: ReviewDecision,
  opts: { failed?: string[]; opinion?: string; conditions?: Input<'review.decide'>['conditions']; key?: string } = {},
): Input<'review.decide'> {
  const failed = new Set(opts.failed ?? []);
  return {
    filingId: view.filingId,
    section: unit,
    round: view.currentRound ?? 1,
    filingVersion: view.filingVersion,
    decision,
    opinion: opts.opinion ?? (decision === 'approve' || decision === 'notInvolved' ? '' : `${unit} ${decision} opinion`),
    notInvolvedReason: decision === 'notInvolved' ? `${unit} is not involved` : '',
    checklist: defaultSettings().checklists[unit].map((c) => ({
      code: c.code,
      result: failed.has(c.code) ? ('fail' as const) : ('pass' as const),
      note: failed.has(c.code) ? `fix ${c.code}` : '',
    })),
    conditions:
      opts.conditions ??
      (decision === 'approveWithConditions' ? [{ text: `${unit} condition`, verifyingUnit: unit, dueDays: 10, blocks: 'hold' }] : []),
    idempotencyKey: opts.key ?? newKey(`decide-${unit}`),
  };
}

/** One signed-in reviewer per unit. */
export async function reviewersByUnit(t: TestDesk): Promise<Record<UnitCode, TestUser>> {
  const out = {} as Record<UnitCode, TestUser>;
  for (const u of UNIT_CODES) out[u] = await t.createUser('reviewer', u);
  return out;
}
