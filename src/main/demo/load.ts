import { contract, type Channel, type Input, type Output } from '../../shared/contract';
import type { Actor } from '../../shared/contract/auth';
import { DeskError } from '../../shared/result';
import { addMonths, toIsoDate } from '../../shared/domain/calendar';
import type { Role, UnitCode } from '../../shared/domain/units';
import { write, type Ctx, type Services } from '../services';
import { countUsers, insertUser } from '../db/users';
import { loadSettings, setMeta } from '../db/settings';
import { hashPassword } from '../passwords';
import { demoFields } from './data';
import type { Handlers } from '../dispatch';

export const DEMO_PASSWORD = 'demo-2026-desk';

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; unit: UnitCode | null }[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', unit: null },
  { username: 'clerk', displayName: '李静（窗口）', role: 'clerk', unit: 'sp' },
  { username: 'yj', displayName: '周明（应急）', role: 'reviewer', unit: 'yj' },
  { username: 'hb', displayName: '吴芳（环保）', role: 'reviewer', unit: 'hb' },
  { username: 'gh', displayName: '郑伟（规划）', role: 'reviewer', unit: 'gh' },
  { username: 'sp', displayName: '王磊（审批）', role: 'reviewer', unit: 'sp' },
  { username: 'yq', displayName: '冯强（园区）', role: 'reviewer', unit: 'yq' },
  { username: 'observer', displayName: '督查室（观察）', role: 'observer', unit: null },
];

/** One step of a demo filing's life, run through the real handlers as the right person at a simulated time. */
export interface DemoRunner {
  as(username: string): Actor;
  call<C extends Channel>(actor: Actor, channel: C, input: Input<C>, at: Date): Promise<Output<C>>;
}

/**
 * Later areas (review, certificates, follow-up) register how to move a demo filing further along its planned
 * path; the loader runs them in order after acceptance.
 */
export type DemoStage = (runner: DemoRunner, filing: { id: number; index: number; target: string; at: Date }) => Promise<Date>;
export const demoStages: DemoStage[] = [];

/** Target states for the 30 demo filings: every state the desk knows, weighted like a real desk's year. */
export const DEMO_TARGETS = [
  'draft',
  'draft',
  'submitted',
  'submitted',
  'submitted',
  'correction_requested',
  'correction_requested',
  'not_accepted',
  'in_review',
  'in_review',
  'in_review:conditional',
  'in_review:conditional',
  'in_review:conditional',
  'supplement_requested',
  'supplement_requested',
  'rejected',
  'approved',
  'approved:conditional',
  'registered',
  'registered',
  'registered:conditional',
  'registered:conditional',
  'registered:conditional',
  'registered:overdue',
  'suspended',
  'revoked',
  'terminated',
  'closed',
  'in_review:conditional',
  'registered',
];

export async function loadDemo(services: Services, handlers: Handlers, lang: Ctx['lang']): Promise<number> {
  const { db } = services.store;
  if ((await countUsers(db)) > 0) throw new DeskError('CONFLICT', 'demo.notEmpty');
  const hash = await hashPassword(DEMO_PASSWORD, services.scrypt);
  const realNow = services.clock();
  const base: Ctx = { services, actor: null, now: realNow, lang, connectionId: 'demo-loader' };
  const actors = new Map<string, Actor>();
  await write(base, async ({ trx, audit }) => {
    // Decided again inside the immediate transaction: first-run setup may have committed while the hash was computed
    // (setup-1). Exactly one of the two happens; the users table's trigger stands behind this check.
    if ((await countUsers(trx)) > 0) throw new DeskError('CONFLICT', 'demo.notEmpty');
    for (const a of DEMO_ACCOUNTS)
      actors.set(a.username, await insertUser(trx, { ...a, passwordHash: hash, isDemo: true, now: realNow.toISOString() }));
    await setMeta(trx, 'demo', realNow.toISOString());
    await audit({ action: 'demo.load', target: null, after: { accounts: DEMO_ACCOUNTS.map((a) => a.username) } });
  });

  const runner: DemoRunner = {
    as: (username) => actors.get(username)!,
    async call(actor, channel, input, at) {
      const def = contract[channel];
      const parsed = def.input.parse(input);
      const handler = handlers[channel] as (i: unknown, c: Ctx) => Promise<unknown>;
      return (await handler(parsed, { ...base, actor, now: at })) as Output<typeof channel>;
    },
  };

  const settings = await loadSettings(db);
  const clerk = runner.as('clerk');
  const day = 24 * 3600 * 1000;
  for (let i = 0; i < DEMO_TARGETS.length; i++) {
    const target = DEMO_TARGETS[i]!;
    const park = settings.parks[i % settings.parks.length]!;
    const baseId = park.bases[i % park.bases.length]!.id;
    // Spread the cases over the last ~five months; older cases are further along.
    let at = new Date(realNow.getTime() - (150 - i * 4.5) * day);
    const start = toIsoDate(new Date(at.getTime() + 40 * day));
    const fields = demoFields(i, park.id, baseId, start, addMonths(start, 18));
    let view = await runner.call(clerk, 'filing.create', { fields }, at);
    if (target === 'draft') continue;
    const conditional = target.endsWith(':conditional') || ['registered:overdue', 'suspended', 'revoked', 'terminated'].includes(target);
    const skip = new Set(
      conditional ? ['emergency-plan', 'staff'] : target === 'correction_requested' || target === 'not_accepted' ? ['hazop', 'eia'] : [],
    );
    for (const m of view.materials) {
      if (!m.applicable || skip.has(m.code) || (m.code === 'commitment' && !conditional)) continue;
      at = new Date(at.getTime() + 600_000);
      view = await runner.call(
        clerk,
        'material.attach',
        {
          filingId: view.id,
          version: view.version,
          code: m.code,
          file: { name: `${m.code}.pdf`, contentBase64: demoPdfBase64(`${view.filingNo} ${m.code}`) },
        },
        at,
      );
    }
    at = new Date(at.getTime() + 3600_000);
    view = await runner.call(clerk, 'filing.submit', { id: view.id, version: view.version }, at);
    if (target === 'submitted') continue;
    at = new Date(at.getTime() + 2 * day);
    const key = `demo-acceptance-${i}`;
    if (target === 'correction_requested') {
      await runner.call(
        clerk,
        'acceptance.decide',
        {
          filingId: view.id,
          version: view.version,
          decision: 'correction',
          reason: '',
          corrections: ['补充HAZOP分析报告（含SIS及联锁设计）', '补充环评文件或豁免意见', '申请表需法定代表人签字'],
          deadlines: [],
          idempotencyKey: key,
        },
        at,
      );
      continue;
    }
    if (target === 'not_accepted') {
      await runner.call(
        clerk,
        'acceptance.decide',
        {
          filingId: view.id,
          version: view.version,
          decision: 'notAccepted',
          reason: '拟建地点不在认定的化工园区中试基地范围内，不属于本平台受理范围。',
          corrections: [],
          deadlines: [],
          idempotencyKey: key,
        },
        at,
      );
      continue;
    }
    const preview = await runner.call(clerk, 'acceptance.preview', { filingId: view.id }, at);
    view = await runner.call(
      clerk,
      'acceptance.decide',
      {
        filingId: view.id,
        version: view.version,
        decision: conditional ? 'conditional' : 'accept',
        reason: '',
        corrections: [],
        deadlines: conditional ? preview.missing.map((m) => ({ materialCode: m.materialCode, dueDate: m.maxDueDate })) : [],
        idempotencyKey: key,
      },
      at,
    );
    for (const stage of demoStages) at = await stage(runner, { id: view.id, index: i, target, at });
  }
  return DEMO_TARGETS.length;
}

/** A tiny valid one-page PDF so demo attachments pass the content check and open in any viewer. */
export function demoPdfBase64(label: string): string {
  const text = label.replace(/[^A-Za-z0-9 ._-]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 14 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1').toString('base64');
}
