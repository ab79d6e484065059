/**
 * Demo stage: moves each accepted demo filing through joint review towards its target (DEMO_TARGETS), as the real
 * reviewers and clerk, through the real handlers, at simulated times. Later stages (certificates, follow-up) take
 * 'approved' filings further.
 */
import type { Input } from '../../shared/contract';
import type { ReviewView } from '../../shared/contract/review';
import type { ReviewDecision } from '../../shared/domain/review';
import { UNIT_CODES, type UnitCode } from '../../shared/domain/units';
import { defaultSettings } from '../db/settings';
import type { DemoRunner } from './plan';

const HOUR = 3600_000;

const OPINIONS: Record<ReviewDecision, string> = {
  approve: '',
  approveWithConditions: '同意备案。试验运行前须完成应急演练并报园区备案。',
  revise: '反应安全风险评估报告未覆盖最不利工况，请补充绝热温升及MTSR计算并更新HAZOP节点。',
  reject: '拟建装置规模已达工业化生产水平，不符合中试定义，不予通过。',
  notInvolved: '',
};

function decisionInput(view: ReviewView, unit: UnitCode, decision: ReviewDecision, key: string): Input<'review.decide'> {
  const items = defaultSettings().checklists[unit];
  return {
    filingId: view.filingId,
    section: unit,
    round: view.currentRound ?? 1,
    filingVersion: view.filingVersion,
    decision,
    opinion: OPINIONS[decision],
    notInvolvedReason: decision === 'notInvolved' ? '本项目不涉及新建构筑物及用地调整。' : '',
    checklist: items.map((c, i) => ({
      code: c.code,
      result: decision === 'revise' && i === 0 ? 'fail' : 'pass',
      note: decision === 'revise' && i === 0 ? '需补充' : '',
    })),
    conditions:
      decision === 'approveWithConditions'
        ? [{ text: '试验运行前完成应急演练并报园区备案', verifyingUnit: 'yq', dueDays: 20, blocks: 'hold' }]
        : [],
    idempotencyKey: key,
  };
}

/** Per target: what each unit decides in round 1 (absent = not yet decided), and whether a second round follows. */
function plan(
  target: string,
  index: number,
): { round1: Partial<Record<UnitCode, ReviewDecision>>; supplement?: Partial<Record<UnitCode, ReviewDecision>> } {
  const all = (d: ReviewDecision) => Object.fromEntries(UNIT_CODES.map((u) => [u, d])) as Record<UnitCode, ReviewDecision>;
  if (target.startsWith('in_review')) {
    // Some still waiting for every unit, some part-way, one back in round 2 after a supplement.
    if (index % 3 === 0) return { round1: {} };
    if (index % 3 === 1) return { round1: { sp: 'approve', gh: 'notInvolved', hb: 'approve' } };
    return { round1: { ...all('approve'), yj: 'revise' }, supplement: {} };
  }
  if (target === 'supplement_requested') return { round1: { ...all('approve'), yj: 'revise', hb: 'approveWithConditions' } };
  if (target === 'rejected') return { round1: { ...all('approve'), yj: 'reject' } };
  if (target === 'in_review' || target === 'submitted') return { round1: {} };
  // Everything else passes review; later stages take it from 'approved'.
  const round1: Partial<Record<UnitCode, ReviewDecision>> = { ...all('approve'), gh: index % 2 ? 'notInvolved' : 'approve' };
  if (target.includes('conditional') || index % 4 === 0) round1.yq = 'approveWithConditions';
  if (index % 5 === 0) return { round1: { ...round1, hb: 'revise' }, supplement: { hb: 'approve' } };
  return { round1 };
}

export async function reviewStage(runner: DemoRunner, filing: { id: number; index: number; target: string; at: Date }): Promise<Date> {
  const clerk = runner.as('clerk');
  let at = new Date(filing.at.getTime() + 20 * HOUR);
  let view = await runner.call(clerk, 'review.get', { filingId: filing.id }, at);
  if (view.state !== 'in_review') return at;
  const { round1, supplement } = plan(filing.target, filing.index);
  const decideAll = async (decisions: Partial<Record<UnitCode, ReviewDecision>>, round: number) => {
    for (const unit of UNIT_CODES) {
      const d = decisions[unit];
      if (!d || view.state !== 'in_review' || !view.rounds[view.rounds.length - 1]?.units.includes(unit)) continue;
      at = new Date(at.getTime() + 5 * HOUR);
      view = await runner.call(
        runner.as(unit),
        'review.decide',
        decisionInput(view, unit, d, `demo-review-${filing.index}-${round}-${unit}`),
        at,
      );
    }
  };
  await decideAll(round1, 1);
  if (supplement && (view.state as string) === 'supplement_requested') {
    at = new Date(at.getTime() + 48 * HOUR);
    view = await runner.call(
      clerk,
      'review.recordSupplement',
      {
        filingId: filing.id,
        version: view.filingVersion,
        note: '申请人已按一次性告知补充材料。',
        idempotencyKey: `demo-supply-${filing.index}`,
      },
      at,
    );
    await decideAll(supplement, 2);
  }
  return at;
}
