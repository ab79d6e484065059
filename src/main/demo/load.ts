import { contract, type Output } from '../../shared/contract';
import type { Actor } from '../../shared/contract/auth';
import { DeskError } from '../../shared/result';
import { addMonths, toIsoDate } from '../../shared/domain/calendar';
import { write, type Ctx, type Services } from '../services';
import { countUsers, insertUser } from '../db/users';
import { loadSettings, setMeta } from '../db/settings';
import { hashPassword } from '../passwords';
import { demoAllChemicals, demoFields } from './data';
import { idempotentCall, type Handlers } from '../dispatch';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TARGETS, demoPdfBase64, type DemoRunner, type DemoStage } from './plan';
import { reviewStage } from './review-stage';
import { certificatesStage } from './certificates-stage';
import { meetingsStage } from './meetings-stage';
import { followupStage } from './followup-stage';
import { problemsStage } from './problems-stage';
import { demoTimes } from './schedule';

/**
 * The stages after acceptance, in the order they run for each filing: review decides, certificates issue for
 * approved filings, meetings gathers in-review filings for a session, follow-up walks registered ones onwards.
 */
const DEMO_STAGES: readonly DemoStage[] = [reviewStage, certificatesStage, meetingsStage, followupStage];

export async function loadDemo(services: Services, handlers: Handlers, lang: Ctx['lang']): Promise<number> {
  const { db } = services.store;
  if ((await countUsers(db)) > 0) throw new DeskError('CONFLICT', 'demo.notEmpty');
  const hash = await hashPassword(DEMO_PASSWORD, services.scrypt);
  const realNow = services.clock();
  const base: Ctx = { services, actor: null, now: realNow, lang, connectionId: 'demo-loader', lazyNotices: true };
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
    now: realNow,
    as: (username) => actors.get(username)!,
    async call(actor, channel, input, at) {
      const def = contract[channel];
      const parsed = def.input.parse(input);
      const handler = handlers[channel] as (i: unknown, c: Ctx) => Promise<unknown>;
      const idempotent = idempotentCall(channel, parsed);
      return (await handler(parsed, { ...base, actor, now: at, idempotent })) as Output<typeof channel>;
    },
  };

  const settings = await loadSettings(db);
  const clerk = runner.as('clerk');
  const day = 24 * 3600 * 1000;
  for (let i = 0; i < DEMO_TARGETS.length; i++) {
    const target = DEMO_TARGETS[i]!;
    const park = settings.parks[i % settings.parks.length]!;
    const baseId = park.bases[i % park.bases.length]!.id;
    const times = demoTimes(i, realNow);
    let at = times.created;
    const start = toIsoDate(new Date(at.getTime() + 40 * day));
    const fields = demoFields(i, park.id, baseId, start, addMonths(start, 18));
    // The first conditionally registered pilot is the demo's larger one: its certificate is the long example.
    if (i === DEMO_TARGETS.indexOf('registered:conditional')) fields.project.chemicals = demoAllChemicals(i);
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
    at = times.accepted ?? new Date(at.getTime() + 2 * day);
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
    for (const stage of DEMO_STAGES) at = await stage(runner, { id: view.id, index: i, target, at });
  }
  // Across the desk, after every filing: the enterprise problems, linked to the filings' firms.
  await problemsStage(runner, realNow);
  return DEMO_TARGETS.length;
}
