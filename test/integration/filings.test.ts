import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createTestDesk, expectError, expectOk, newKey, type TestDesk, listInput } from '../helpers/desk';
import { fingerprint } from '../helpers/fingerprint';
import { demoFields } from '../../src/main/demo/data';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { attachmentPath } from '../../src/main/attachments';
import { emptyFilingFields } from '../../src/shared/schemas/filing';
import { isValidCas, isValidCreditCode } from '../../src/shared/domain/identifiers';
import { isOverdue } from '../../src/shared/domain/clock';
import { officialCalendar } from '../../src/shared/domain/calendar';

let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(() => t.close());

const fields = (i = 0) => demoFields(i, 'binhai', 'binhai-pilot', '2026-04-20', '2027-10-20');
const sqlite = () => t.desk.services.store.sqlite;
const auditCount = () => (sqlite().prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('intake', () => {
  it('creates, updates, lists and gets a draft; the materials checklist comes from settings', async () => {
    const clerk = (await t.clerk()).session;
    const created = await clerk.ok('filing.create', { fields: fields() });
    expect(created).toMatchObject({ state: 'draft', version: 1, filingNo: expect.stringMatching(/^ZS-2026-\d{6}$/) });
    expect(created.materials.map((m) => m.code)).toContain('hazop');
    expect(created.materials).toHaveLength(17);
    const changed = { ...created.fields, project: { ...created.fields.project, bay: 'C9 中试车间' } };
    const updated = await clerk.ok('filing.update', { id: created.id, version: 1, fields: changed });
    expect(updated.version).toBe(2);
    expect((await clerk.ok('filing.get', { id: created.id })).fields.project.bay).toBe('C9 中试车间');
    const list = await clerk.ok('filing.list', listInput({ query: '瑞丰' }));
    expect(list.rows.map((r) => r.id)).toEqual([created.id]);
  });

  it('normalises text to NFC and rejects bidirectional overrides, control characters and oversized text with field errors', async () => {
    const clerk = (await t.clerk()).session;
    const decomposed = fields();
    decomposed.applicant.legalRepresentative = 'Zoe\u0301';
    const ok = await clerk.ok('filing.create', { fields: decomposed });
    expect(ok.fields.applicant.legalRepresentative).toBe('Zoé');
    const before = fingerprint(sqlite());
    for (const [path, value, mutate] of [
      ['applicant.name', '化工\u202E有限公司', (f: ReturnType<typeof fields>, v: string) => (f.applicant.name = v)],
      ['applicant.address', '滨海区\u2067临港路', (f: ReturnType<typeof fields>, v: string) => (f.applicant.address = v)],
      ['project.name', '项目\u0007名称', (f: ReturnType<typeof fields>, v: string) => (f.project.name = v)],
      ['project.name', '长'.repeat(201), (f: ReturnType<typeof fields>, v: string) => (f.project.name = v)],
      ['applicant.creditCode', '91350100M000100Y44', (f: ReturnType<typeof fields>, v: string) => (f.applicant.creditCode = v)],
      ['applicant.contactMobile', '1234', (f: ReturnType<typeof fields>, v: string) => (f.applicant.contactMobile = v)],
    ] as const) {
      const f = fields();
      mutate(f, value);
      const err = expectError(await clerk.call('filing.create', { fields: f }), 'INVALID');
      expect(Object.keys(err.fields ?? {}), `${path} with ${JSON.stringify(value)}`).toEqual([`fields.${path}`]);
    }
    const badCas = fields();
    badCas.project.chemicals[0]!.cas = '64-17-6';
    const err = expectError(await clerk.call('filing.create', { fields: badCas }), 'INVALID');
    expect(err.fields).toHaveProperty(['fields.project.chemicals.0.cas']);
    expect(fingerprint(sqlite())).toBe(before);
  });

  it('answers field errors in the caller’s language', async () => {
    const zh = await createTestDesk({ lang: 'zh-CN' });
    try {
      const clerk = (await zh.clerk()).session;
      const f = fields();
      f.applicant.creditCode = '91350100M000100Y44';
      const err = expectError(await clerk.call('filing.create', { fields: f }), 'INVALID');
      expect(err.fields?.['fields.applicant.creditCode']).toContain('校验位');
    } finally {
      zh.close();
    }
  });

  it('rejects unknown keys, wrong types and identity claims with nothing written', async () => {
    const clerk = (await t.clerk()).session;
    const created = await clerk.ok('filing.create', { fields: fields() });
    const before = fingerprint(sqlite());
    expectError(await clerk.raw('filing.create', { fields: fields(), createdBy: 1 }), 'INVALID');
    expectError(await clerk.raw('filing.update', { id: created.id, version: 1, fields: fields(), userId: 99 }), 'INVALID');
    expectError(await clerk.raw('filing.update', { id: String(created.id), version: 1, fields: fields() }), 'INVALID');
    expectError(await clerk.raw('filing.create', { fields: { ...fields(), __proto__: { polluted: true } } }), 'INVALID');
    expectError(await clerk.raw('filing.create', null), 'INVALID');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(fingerprint(sqlite())).toBe(before);
  });

  it('submission needs every required field, reported beside each field', async () => {
    const clerk = (await t.clerk()).session;
    const draft = await clerk.ok('filing.create', { fields: emptyFilingFields() });
    const err = expectError(await clerk.call('filing.submit', { id: draft.id, version: draft.version }), 'INVALID');
    expect(Object.keys(err.fields ?? {})).toEqual(
      expect.arrayContaining(['applicant.name', 'applicant.creditCode', 'project.plannedStart']),
    );
    const tooLong = fields();
    tooLong.project.plannedEnd = '2028-12-31';
    const long = await clerk.ok('filing.create', { fields: tooLong });
    const e2 = expectError(await clerk.call('filing.submit', { id: long.id, version: long.version }), 'INVALID');
    expect(e2.fields).toHaveProperty(['project.plannedEnd']);
  });
});

describe('concurrent edits', () => {
  it('the later of two saves on the same version gets STALE with the current data (occ-1)', async () => {
    const clerk = (await t.clerk()).session;
    const other = await t.session((await t.clerk()).username);
    const f = await clerk.ok('filing.create', { fields: fields() });
    const a = { ...f.fields, project: { ...f.fields.project, bay: 'A 号位' } };
    const b = { ...f.fields, project: { ...f.fields.project, bay: 'B 号位' } };
    const [r1, r2] = await Promise.all([
      clerk.call('filing.update', { id: f.id, version: f.version, fields: a }),
      other.call('filing.update', { id: f.id, version: f.version, fields: b }),
    ]);
    const results = [r1, r2];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const stale = expectError(
      results.find((r) => !r.ok)!,
      'STALE',
    );
    const winner = expectOk(results.find((r) => r.ok)!);
    expect((stale.current as { fields: { project: { bay: string } }; version: number }).fields.project.bay).toBe(winner.fields.project.bay);
    expect((await clerk.ok('filing.get', { id: f.id })).fields.project.bay).toBe(winner.fields.project.bay);
  });
});

describe('attachments', () => {
  it('stores by SHA-256, checks type by content, caps the size', async () => {
    const clerk = (await t.clerk()).session;
    let f = await clerk.ok('filing.create', { fields: fields() });
    f = await clerk.ok('material.attach', {
      filingId: f.id,
      version: f.version,
      code: 'hazop',
      file: { name: 'hazop.pdf', contentBase64: demoPdfBase64('x') },
    });
    const a = f.materials.find((m) => m.code === 'hazop')!;
    expect(a.state).toBe('present');
    expect(a.attachments[0]).toMatchObject({ name: 'hazop.pdf', mime: 'application/pdf' });
    expect(existsSync(attachmentPath(t.dir, a.attachments[0]!.sha256))).toBe(true);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    f = await clerk.ok('material.attach', {
      filingId: f.id,
      version: f.version,
      code: 'layout',
      file: { name: 'layout.pdf', contentBase64: png },
    });
    expect(f.materials.find((m) => m.code === 'layout')!.attachments[0]!.mime).toBe('image/png');
    const before = fingerprint(sqlite());
    const exe = Buffer.from('MZ\x90\x00 this is not a pdf').toString('base64');
    const e1 = expectError(
      await clerk.call('material.attach', {
        filingId: f.id,
        version: f.version,
        code: 'eia',
        file: { name: 'eia.pdf', contentBase64: exe },
      }),
      'INVALID',
    );
    expect(Object.keys(e1.fields ?? {})).toEqual(['file']);
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x25).toString('base64');
    expectError(
      await clerk.call('material.attach', {
        filingId: f.id,
        version: f.version,
        code: 'eia',
        file: { name: 'big.pdf', contentBase64: big },
      }),
      'INVALID',
    );
    expect(fingerprint(sqlite())).toBe(before);
  });
});

describe('acceptance', () => {
  it('accepts a complete filing and starts the 20-working-day review clock', async () => {
    const f = await t.acceptedFiling();
    expect(f.state).toBe('in_review');
    expect(f.acceptance?.decision).toBe('accept');
    expect(f.clock).toMatchObject({ step: 'review', dueDate: '2026-03-30' });
    expect(f.trackedItems).toEqual([]);
  });

  it('accepts conditionally with a deadline per missing eligible paper, capped by its maximum', async () => {
    const f = await t.acceptedFiling({ conditional: true });
    expect(f.state).toBe('in_review');
    expect(f.trackedItems.map((i) => [i.materialCode, i.dueDate, i.state])).toEqual([
      ['staff', '2026-03-16', 'open'],
      ['emergency-plan', '2026-03-30', 'open'],
    ]);
    const list = await (await t.clerk()).session.ok('filing.list', listInput({ query: f.filingNo }));
    expect(list.rows[0]).toMatchObject({ conditional: true, itemDueDates: ['2026-03-16', '2026-03-30'] });
  });

  it('refuses conditional acceptance past a paper’s maximum deadline, naming the paper', async () => {
    const view = await t.newSubmittedFiling({ conditional: true });
    const clerk = (await t.clerk()).session;
    const before = fingerprint(sqlite());
    const err = expectError(
      await clerk.call('acceptance.decide', {
        filingId: view.id,
        version: view.version,
        decision: 'conditional',
        reason: '',
        corrections: [],
        deadlines: [
          { materialCode: 'staff', dueDate: '2026-03-17' },
          { materialCode: 'emergency-plan', dueDate: '2026-03-30' },
        ],
        idempotencyKey: newKey(),
      }),
      'INVALID',
    );
    expect(Object.keys(err.fields ?? {})).toContain('materials.staff');
    expect(fingerprint(sqlite())).toBe(before);
  });

  it('a retried acceptance with the same idempotency key acts once (crash-3)', async () => {
    const view = await t.newSubmittedFiling();
    const clerk = (await t.clerk()).session;
    const input = {
      filingId: view.id,
      version: view.version,
      decision: 'accept' as const,
      reason: '',
      corrections: [],
      deadlines: [],
      idempotencyKey: newKey(),
    };
    const first = await clerk.ok('acceptance.decide', input);
    const again = await clerk.ok('acceptance.decide', input);
    expect(again.version).toBe(first.version);
    expect(
      (
        sqlite().prepare("SELECT COUNT(*) AS n FROM filing_events WHERE filing_id = ? AND kind LIKE 'acceptance.%'").get(view.id) as {
          n: number;
        }
      ).n,
    ).toBe(1);
  });

  it('returns for correction with every point listed at once, and not-accepted needs a reason', async () => {
    const clerk = (await t.clerk()).session;
    const a = await t.newSubmittedFiling();
    expectError(
      await clerk.call('acceptance.decide', {
        filingId: a.id,
        version: a.version,
        decision: 'correction',
        reason: '',
        corrections: [],
        deadlines: [],
        idempotencyKey: newKey(),
      }),
      'INVALID',
    );
    const corrected = await clerk.ok('acceptance.decide', {
      filingId: a.id,
      version: a.version,
      decision: 'correction',
      reason: '',
      corrections: ['补充签字', '补充盖章'],
      deadlines: [],
      idempotencyKey: newKey(),
    });
    expect(corrected).toMatchObject({ state: 'correction_requested', acceptance: { corrections: ['补充签字', '补充盖章'] } });
    const resubmitted = await clerk.ok('filing.submit', { id: a.id, version: corrected.version });
    expect(resubmitted.state).toBe('submitted');
    const b = await t.newSubmittedFiling();
    expectError(
      await clerk.call('acceptance.decide', {
        filingId: b.id,
        version: b.version,
        decision: 'notAccepted',
        reason: '',
        corrections: [],
        deadlines: [],
        idempotencyKey: newKey(),
      }),
      'INVALID',
    );
    const refused = await clerk.ok('acceptance.decide', {
      filingId: b.id,
      version: b.version,
      decision: 'notAccepted',
      reason: '不在园区范围内',
      corrections: [],
      deadlines: [],
      idempotencyKey: newKey(),
    });
    expect(refused.state).toBe('not_accepted');
  });

  it('refuses conditional acceptance for an applicant in credit default', async () => {
    const clerk = (await t.clerk()).session;
    const view = await t.newSubmittedFiling({ conditional: true });
    const f = { ...view.fields, applicant: { ...view.fields.applicant, creditStatus: 'default' as const } };
    const updated = await clerk.ok('filing.update', { id: view.id, version: view.version, fields: f });
    const preview = await clerk.ok('acceptance.preview', { filingId: view.id });
    expect(preview.eligible).toBe(false);
    expect(preview.problems.map((p) => p.key)).toContain('acc.creditDefault');
    expectError(
      await clerk.call('acceptance.decide', {
        filingId: view.id,
        version: updated.version,
        decision: 'conditional',
        reason: '',
        corrections: [],
        deadlines: preview.missing.map((m) => ({ materialCode: m.materialCode, dueDate: m.maxDueDate })),
        idempotencyKey: newKey(),
      }),
      'INVALID',
    );
  });
});

describe('authority and accounts', () => {
  it('refuses each role that may not act, and audits every refusal', async () => {
    const observer = (await t.createUser('observer')).session;
    const reviewer = (await t.createUser('reviewer', 'yj')).session;
    const admin = (await t.setupAdmin()).session;
    const anonymous = t.anonymous();
    const f = await (await t.clerk()).session.ok('filing.create', { fields: fields() });
    const before = auditCount();
    for (const s of [observer, reviewer, admin]) {
      expectError(await s.call('filing.create', { fields: fields() }), 'FORBIDDEN');
      expectError(await s.call('filing.update', { id: f.id, version: f.version, fields: fields() }), 'FORBIDDEN');
      expectError(
        await s.call('acceptance.decide', {
          filingId: f.id,
          version: f.version,
          decision: 'accept',
          reason: '',
          corrections: [],
          deadlines: [],
          idempotencyKey: newKey(),
        }),
        'FORBIDDEN',
      );
    }
    for (const s of [observer, reviewer, (await t.clerk()).session]) {
      expectError(
        await s.call('accounts.create', { username: 'x-user', displayName: 'X', role: 'observer', unit: null, password: 'long-enough-1' }),
        'FORBIDDEN',
      );
      expectError(await s.call('settings.update', await s.ok('settings.get', {})), 'FORBIDDEN');
    }
    expectError(await anonymous.call('filing.list', listInput({ limit: 5 })), 'UNAUTHENTICATED');
    const denied = (
      sqlite().prepare("SELECT COUNT(*) AS n FROM audit_log WHERE outcome = 'denied' AND seq > ?").get(before) as { n: number }
    ).n;
    expect(denied).toBe(9 + 6 + 1);
  });

  it('admin creates, disables and resets accounts; a disabled account loses its session', async () => {
    const admin = (await t.setupAdmin()).session;
    const user = await t.createUser('reviewer', 'hb');
    expect((await admin.ok('accounts.list', {})).map((a) => a.username)).toContain(user.username);
    expectError(
      await admin.call('accounts.create', { username: 'r2', displayName: 'R', role: 'reviewer', unit: null, password: 'long-enough-1' }),
      'INVALID',
    );
    await admin.ok('accounts.setDisabled', { id: user.id, disabled: true });
    expectError(await user.session.call('review.inbox', {}), 'UNAUTHENTICATED');
    expectError(await t.anonymous().call('auth.login', { username: user.username, password: user.password }), 'UNAUTHENTICATED');
    await admin.ok('accounts.setDisabled', { id: user.id, disabled: false });
    await admin.ok('accounts.resetPassword', { id: user.id, password: 'a-new-password-2' });
    await t.session(user.username, 'a-new-password-2');
  });

  it('slows down repeated failed logins', async () => {
    const user = await t.createUser('observer');
    const s = t.anonymous();
    for (let i = 0; i < 3; i++)
      expectError(await s.call('auth.login', { username: user.username, password: 'wrong-password' }), 'UNAUTHENTICATED');
    expectError(await s.call('auth.login', { username: user.username, password: user.password }), 'RATE_LIMITED');
    t.clock.advance({ minutes: 1 });
    await t.session(user.username);
    expect(
      (sqlite().prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login' AND outcome = 'failed'").get() as { n: number }).n,
    ).toBe(4);
  });

  it('first start creates exactly one administrator', async () => {
    await t.setupAdmin();
    expectError(
      await t.anonymous().call('auth.setup', { username: 'second', displayName: 'Second', password: 'long-enough-1' }),
      'CONFLICT',
    );
  });
});

describe('sessions and the remaining channels', () => {
  it('status, reviewers, ping, paper received without a file, password change and logout', async () => {
    const anon = t.anonymous();
    expect(await anon.ok('app.ping', {})).toEqual({ ok: true });
    expect(await anon.ok('auth.status', {})).toMatchObject({ needsSetup: true, actor: null, db: { ok: true } });
    const clerk = await t.clerk();
    expect(await clerk.session.ok('auth.status', {})).toMatchObject({
      needsSetup: false,
      actor: { username: clerk.username, role: 'clerk', unit: 'sp' },
    });
    await t.createUser('reviewer', 'gh');
    expect((await clerk.session.ok('accounts.reviewers', {})).map((r) => r.unit)).toEqual(['gh']);

    let f = await clerk.session.ok('filing.create', { fields: fields() });
    f = await clerk.session.ok('material.setState', {
      filingId: f.id,
      version: f.version,
      code: 'licence',
      state: 'present',
      note: '原件已核对',
    });
    expect(f.materials.find((m) => m.code === 'licence')).toMatchObject({ state: 'present', note: '原件已核对', attachments: [] });
    expectError(
      await clerk.session.call('material.setState', {
        filingId: f.id,
        version: f.version,
        code: 'no-such-paper',
        state: 'present',
        note: '',
      }),
      'INVALID',
    );

    expectError(await clerk.session.call('auth.changePassword', { current: 'wrong-password', next: 'another-password-3' }), 'INVALID');
    await clerk.session.ok('auth.changePassword', { current: clerk.password, next: 'another-password-3' });
    await t.session(clerk.username, 'another-password-3');
    await clerk.session.ok('auth.logout', {});
    expect(await clerk.session.ok('auth.status', {})).toMatchObject({ actor: null });
    expectError(await clerk.session.call('filing.get', { id: f.id }), 'UNAUTHENTICATED');
  });
});

describe('settings and audit', () => {
  it('admin changes settings; invalid settings are refused beside the field', async () => {
    const admin = (await t.setupAdmin()).session;
    const s = await admin.ok('settings.get', {});
    s.certificate.prefix = '港城化中试备';
    expect((await admin.ok('settings.update', s)).certificate.prefix).toBe('港城化中试备');
    s.timeLimits.reviewDays = 0;
    const err = expectError(await admin.call('settings.update', s), 'INVALID');
    expect(Object.keys(err.fields ?? {})).toEqual(['timeLimits.reviewDays']);
  });

  it('every change is on the chained audit log, which verifies', async () => {
    await t.acceptedFiling({ conditional: true });
    const admin = (await t.setupAdmin()).session;
    const report = await admin.ok('audit.verify', {});
    expect(report).toMatchObject({ ok: true, problem: null });
    const actions = (await admin.ok('audit.list', { beforeSeq: null, limit: 500 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.setup', 'accounts.create', 'filing.create', 'material.attach', 'filing.submit', 'acceptance.decide']),
    );
  });
});

describe('the filings list', () => {
  it('text search with filters finds exactly what a plain scan finds, as the filings change', async () => {
    await t.anonymous().ok('demo.load', {});
    const clerk = await t.session('clerk', 'demo-2026-desk');
    const today = t.clock.today();
    const all = sqlite()
      .prepare(
        `SELECT id, filing_no, applicant_name, credit_code, project_name, state, park_id, waiting_units, due_date, next_item_due,
          (SELECT date(p.started_at, '+8 hours') FROM clock_pauses p WHERE p.filing_id = filings.id AND p.ended_at IS NULL) AS paused_since
          FROM filings`,
      )
      .all() as {
      id: number;
      filing_no: string;
      applicant_name: string;
      credit_code: string;
      project_name: string;
      state: string;
      park_id: string;
      waiting_units: string;
      due_date: string | null;
      next_item_due: string | null;
      paused_since: string | null;
    }[];
    // The step's part of "overdue" is the one clock's answer (domain §7): a paused step's due date keeps moving.
    const stepOverdue = (r: (typeof all)[number]) =>
      r.due_date !== null && isOverdue({ baseDue: r.due_date, pausedSince: r.paused_since, today, calendar: officialCalendar });
    const cases = [
      { query: '有限公司' },
      { query: '中试项目', states: ['in_review' as const, 'registered' as const] },
      { query: '中试项目', parkId: 'gangcheng' },
      { query: '中试项目', unit: 'yj' as const },
      { query: '中试项目', overdueOnly: true },
      { query: 'ZS-2026', states: ['draft' as const] },
      { query: '化工', parkId: 'binhai' },
    ];
    for (const c of cases) {
      const got = await clerk.ok('filing.list', listInput({ ...c, limit: 500 }));
      const want = all.filter(
        (r) =>
          [r.filing_no, r.applicant_name, r.credit_code, r.project_name].some((v) => v.toLowerCase().includes(c.query.toLowerCase())) &&
          (!c.states || (c.states as string[]).includes(r.state)) &&
          (!c.parkId || r.park_id === c.parkId) &&
          (!c.unit || r.waiting_units.includes(`,${c.unit},`)) &&
          (!c.overdueOnly || stepOverdue(r) || (r.next_item_due !== null && r.next_item_due < today)),
      );
      expect(
        got.rows.map((r) => r.id).sort((a, b) => a - b),
        JSON.stringify(c),
      ).toEqual(want.map((r) => r.id).sort((a, b) => a - b));
      expect(got.total).toBe(want.length);
    }
    // A state change moves the filing between filters at once (the search tags follow the row).
    const draft = all.find((r) => r.state === 'draft')!;
    const view = await clerk.ok('filing.get', { id: draft.id });
    await clerk.ok('filing.submit', { id: draft.id, version: view.version });
    const submitted = await clerk.ok('filing.list', listInput({ query: draft.filing_no, states: ['submitted'] }));
    expect(submitted.rows.map((r) => r.id)).toEqual([draft.id]);
    expect((await clerk.ok('filing.list', listInput({ query: draft.filing_no, states: ['draft'] }))).rows).toEqual([]);
  });
});

describe('demo data', () => {
  it('loads about 30 filings in many states with valid identifiers, marked as demo', async () => {
    const r = await t.anonymous().ok('demo.load', {});
    expect(r.filings).toBeGreaterThanOrEqual(30);
    const states = sqlite().prepare('SELECT DISTINCT state FROM filings').all() as { state: string }[];
    expect(states.length).toBeGreaterThanOrEqual(5);
    expect((sqlite().prepare('SELECT COUNT(*) AS n FROM filings WHERE is_demo = 0').get() as { n: number }).n).toBe(0);
    expect((sqlite().prepare('SELECT COUNT(*) AS n FROM users WHERE is_demo = 0').get() as { n: number }).n).toBe(0);
    for (const { fields } of sqlite().prepare('SELECT fields FROM filing_fields').all() as { fields: string }[]) {
      const f = JSON.parse(fields) as ReturnType<typeof demoFields>;
      expect(isValidCreditCode(f.applicant.creditCode), f.applicant.creditCode).toBe(true);
      for (const c of [...f.project.products, ...f.project.chemicals]) expect(isValidCas(c.cas), `${c.name} ${c.cas}`).toBe(true);
    }
    expectError(await t.anonymous().call('demo.load', {}), 'CONFLICT');
  });
});
