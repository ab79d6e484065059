/**
 * Demo stage for the closed loop (issue 6), after review and certificates: papers and reports that came in on time
 * are supplied and partly checked off (some left for the units to verify), deadlines still running are left open
 * so the bell has reminders, and the breach targets are walked through the real escalation at simulated times:
 * 'registered:overdue' keeps a missed paper (the next sweep suspends it), 'suspended' and 'revoked' are escalated,
 * 'terminated' ends before registration, 'closed' is dismantled with its report, and one registered pilot is extended.
 */
import { toIsoDate } from '../../shared/domain/calendar';
import { demoPdfBase64, type DemoRunner } from './plan';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BREACH_TARGETS = ['registered:overdue', 'suspended', 'revoked', 'terminated'];
/**
 * The paper a breach target never supplies: the staff list (10 working days), except for 'suspended', which misses
 * the emergency plan (20), so that its grace period is still running when the demo opens.
 */
const missedPaper = (target: string) => (target === 'suspended' ? 'emergency-plan' : 'staff');

export async function followupStage(runner: DemoRunner, filing: { id: number; index: number; target: string; at: Date }): Promise<Date> {
  const clerk = runner.as('clerk');
  let at = new Date(filing.at.getTime() + 2 * HOUR);
  const view = await runner.call(clerk, 'filing.get', { id: filing.id }, at);
  const loadedAt = runner.now;
  const today = toIsoDate(loadedAt);
  const breach = BREACH_TARGETS.includes(filing.target);
  const open = view.trackedItems.filter((i) => i.state === 'open');
  for (const [n, item] of open.entries()) {
    if ((breach && item.materialCode === missedPaper(filing.target)) || item.dueDate >= today) continue;
    at = new Date(at.getTime() + HOUR);
    const file =
      item.kind === 'material'
        ? { name: `${item.materialCode}.pdf`, contentBase64: demoPdfBase64(`${view.filingNo} ${item.materialCode}`) }
        : null;
    await runner.call(
      clerk,
      'followup.supply',
      { itemId: item.id, note: item.kind === 'material' ? '企业已按承诺补交。' : '企业已报送落实情况。', file },
      at,
    );
    // Leave some supplied papers for the units to check: the emergency plans of registered pilots, every other condition.
    const leave =
      (filing.target.startsWith('registered') && item.materialCode === 'emergency-plan') ||
      (item.kind === 'condition' && (filing.index + n) % 2 === 0);
    if (leave || breach) continue;
    at = new Date(at.getTime() + HOUR);
    await runner.call(
      runner.as(item.verifyingUnit),
      'followup.verify',
      { itemId: item.id, note: '已回访核实，材料与现场一致，予以销号。' },
      at,
    );
  }
  const missed = open.find((i) => i.materialCode === missedPaper(filing.target));
  const sweepAt = (date: string, days: number) =>
    new Date(Math.min(Date.parse(`${date}T02:00:00Z`) + days * DAY, loadedAt.getTime() - HOUR));
  if (missed && (filing.target === 'suspended' || filing.target === 'revoked' || filing.target === 'terminated')) {
    at = sweepAt(missed.dueDate, 1);
    await runner.call(clerk, 'followup.sweep', { filingId: filing.id }, at);
    if (filing.target === 'revoked') {
      at = sweepAt(missed.dueDate, 20);
      await runner.call(clerk, 'followup.sweep', { filingId: filing.id }, at);
    }
  }
  const latest = await runner.call(clerk, 'filing.get', { id: filing.id }, at);
  if (filing.target === 'closed' && latest.state === 'registered') {
    at = new Date(at.getTime() + DAY);
    await runner.call(
      clerk,
      'followup.close',
      {
        filingId: filing.id,
        version: latest.version,
        how: filing.index % 2 ? 'sealed' : 'dismantled',
        report: { name: '中试装置拆除及试验总结报告.pdf', contentBase64: demoPdfBase64(`${latest.filingNo} closure report`) },
      },
      at,
    );
  }
  if (filing.target === 'registered' && filing.index === 29 && latest.state === 'registered') {
    at = new Date(at.getTime() + DAY);
    await runner.call(
      clerk,
      'followup.extend',
      { filingId: filing.id, version: latest.version, months: 6, reason: '中试数据尚需补充一个完整季节周期，企业申请延长试验期。' },
      at,
    );
  }
  return at;
}
