/**
 * One client process of the pg-1 race (test/postgres/server-race.test.ts), run with tsx: signs in on the district
 * server as one user and keeps doing that user's work until the deadline, on both instances in turn. Every write
 * carries an idempotency key; a write that gets no answer (connection refused or reset, a time-out, a 5xx) or
 * an answer that the database was out of reach is sent again with the SAME key until it is answered, so each key is
 * acknowledged once at most. At the end it writes what it saw to RACE_LOG: the acknowledged keys, every refusal code
 * and every transport failure, and requests that hung. It signs in, prints `ready`, and starts when a line
 * `{"until": <epoch ms>}` arrives on stdin, so that all clients race at once however long each took to start.
 *
 *   RACE_CONFIG='{"bases":[…],"username":"yj","password":"…","work":"decide","unit":"yj"}' RACE_LOG=file
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { ServerClient } from './server';
import { defaultSettings } from '../../src/main/db/settings';
import { demoFields } from '../../src/main/demo/data';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { addDays, addMonths, toIsoDate } from '../../src/shared/domain/calendar';
import type { UnitCode } from '../../src/shared/domain/units';

interface Config {
  bases: string[];
  username: string;
  password: string;
  work: 'decide' | 'supplement' | 'issue';
  unit?: UnitCode;
  /** Epoch ms, from stdin: no new work after it; a write already sent is still retried to its answer. */
  until: number;
}

/** The first line on stdin. */
function firstLine(): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (c: Buffer) => {
      text += c.toString('utf8');
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
  });
}

const config = JSON.parse(process.env.RACE_CONFIG ?? '{}') as Config;
const HANG_MS = 20_000;
const log = {
  acks: [] as { key: string; channel: string; filingId: number; at: number; via: string }[],
  codes: {} as Record<string, number>,
  hangs: 0,
  refusals: [] as { code: string; at: number }[],
};
const tally = (code: string) => {
  log.codes[code] = (log.codes[code] ?? 0) + 1;
  log.refusals.push({ code, at: Date.now() });
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let turn = 0;
const clients = config.bases.map((b) => new ServerClient(b));

/** The next instance's client; the session cookie is one for both (sessions live in PostgreSQL). */
function next(): ServerClient {
  const c = clients[turn++ % clients.length]!;
  const signed = clients.find((x) => x.cookie);
  if (signed) c.cookie = signed.cookie;
  return c;
}

type Outcome = ({ ok: true; value: any } | { ok: false; code: string; retry: boolean }) & { via?: string };

/** One call; transport failures and hangs are outcomes too, never exceptions. */
async function call(channel: string, input: unknown): Promise<Outcome> {
  const client = next();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), HANG_MS)));
  try {
    const reply = await Promise.race([client.rpc(channel, input), hang]);
    if (reply === 'hang') {
      log.hangs++;
      return { ok: false, code: 'HANG', retry: true };
    }
    if (reply.status >= 500 && !reply.text.startsWith('{')) return { ok: false, code: `HTTP_${reply.status}`, retry: true };
    const body = reply.json();
    if (body.ok) return { ok: true, value: body.value, via: client.base };
    // INTERNAL and UNAVAILABLE are what a database out of reach gives; the write may or may not have committed.
    return { ok: false, code: body.error.code, retry: ['UNAVAILABLE', 'INTERNAL'].includes(body.error.code) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'TRANSPORT';
    return { ok: false, code, retry: true };
  } finally {
    clearTimeout(timer);
  }
}

/** A read, repeated until it is answered (or the run is over). */
async function read(channel: string, input: unknown = {}): Promise<any> {
  for (;;) {
    const r = await call(channel, input);
    if (r.ok) return r.value;
    tally(r.code);
    if (r.code === 'UNAUTHENTICATED') await signIn();
    if (Date.now() > config.until) return null;
    await sleep(200);
  }
}

/** A write with one key, sent until answered; acknowledged keys are logged. */
async function write(channel: string, filingId: number, input: Record<string, unknown>): Promise<boolean> {
  const key = `race-${randomUUID()}`;
  const give = config.until + 90_000;
  for (;;) {
    const r = await call(channel, { ...input, idempotencyKey: key });
    if (r.ok) {
      log.acks.push({ key, channel, filingId, at: Date.now(), via: r.via! });
      return true;
    }
    tally(r.code);
    if (!r.retry || Date.now() > give) return false;
    await sleep(250);
  }
}

async function signIn(): Promise<void> {
  for (;;) {
    const r = await call('auth.login', { username: config.username, password: config.password });
    if (r.ok) return;
    tally(`login:${r.code}`);
    await sleep(300);
  }
}

const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * Math.min(xs.length, 3))];
const listOf = async (state: string) =>
  (
    (await read('filing.list', {
      query: '',
      states: [state],
      parkId: null,
      unit: null,
      overdueOnly: false,
      sort: 'filingNo',
      dir: 'asc',
      offset: 0,
      limit: 20,
    })) ?? { rows: [] }
  ).rows as { id: number }[];

/** A reviewer decides one of the first waiting filings (the others race for the same ones); now and then "revise". */
async function decide(unit: UnitCode): Promise<void> {
  const inbox = ((await read('review.inbox')) ?? []) as { filingId: number; state: string; sections: string[]; staleSections: string[] }[];
  const row = pick(inbox.filter((r) => r.state === 'in_review' && r.sections.includes(unit) && r.staleSections.length === 0));
  if (!row) return void (await sleep(300));
  const view = await read('review.get', { filingId: row.filingId });
  if (!view) return;
  const checklist = defaultSettings().checklists[unit];
  const revise = Math.random() < 0.2;
  await write('review.decide', row.filingId, {
    filingId: row.filingId,
    section: unit,
    round: view.currentRound ?? 1,
    filingVersion: view.filingVersion,
    decision: revise ? 'revise' : 'approve',
    opinion: revise ? `${unit} 请补充材料` : '',
    notInvolvedReason: '',
    checklist: checklist.map((c, i) => ({
      code: c.code,
      result: revise && i === 0 ? 'fail' : 'pass',
      note: revise && i === 0 ? '补充' : '',
    })),
    conditions: [],
  });
}

/** A write without a key (a new draft and its materials): sent once; a failure abandons the draft, as a clerk would. */
async function once(channel: string, input: unknown): Promise<any> {
  const r = await call(channel, input);
  if (r.ok) return r.value;
  tally(r.code);
  return null;
}

/**
 * Intake, so that reviewers have work for the whole run: a new filing with its materials, submitted and accepted
 * (the acceptance is keyed and counted; it opens the first review round).
 */
async function intake(): Promise<void> {
  const settings = defaultSettings();
  const i = 1000 + Math.floor(Math.random() * 100_000);
  const park = settings.parks[i % settings.parks.length]!;
  const base = park.bases[i % park.bases.length]!;
  const start = addDays(toIsoDate(new Date()), 40);
  let view = await once('filing.create', { fields: demoFields(i, park.id, base.id, start, addMonths(start, 18)) });
  for (const m of view?.materials ?? []) {
    if (!m.applicable || m.code === 'commitment') continue;
    const file = { name: `${m.code}.pdf`, contentBase64: demoPdfBase64(`${view.filingNo} ${m.code}`) };
    view = await once('material.attach', { filingId: view.id, version: view.version, code: m.code, file });
    if (!view) return;
  }
  if (!view) return;
  const submitted = await once('filing.submit', { id: view.id, version: view.version });
  if (!submitted) return;
  await write('acceptance.decide', view.id, {
    filingId: view.id,
    version: submitted.version,
    decision: 'accept',
    reason: '',
    corrections: [],
    deadlines: [],
  });
}

/** The clerk records a waiting supplement, or else takes in a new filing. */
async function supplement(): Promise<void> {
  const row = pick(await listOf('supplement_requested'));
  if (!row) return intake();
  const view = await read('review.get', { filingId: row.id });
  if (view) await write('review.recordSupplement', row.id, { filingId: row.id, version: view.filingVersion, note: '已补交' });
}

async function issue(): Promise<void> {
  const row = pick(await listOf('approved'));
  if (!row) return void (await sleep(300));
  const filing = await read('filing.get', { id: row.id });
  if (filing) await write('certificate.issue', row.id, { filingId: row.id, version: filing.version });
}

async function main(): Promise<void> {
  await signIn();
  process.stdout.write('ready\n');
  config.until = (JSON.parse(await firstLine()) as { until: number }).until;
  process.stdin.destroy();
  const work = { decide: () => decide(config.unit!), supplement, issue }[config.work];
  while (Date.now() < config.until) await work();
  writeFileSync(process.env.RACE_LOG!, JSON.stringify(log));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
