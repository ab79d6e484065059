/**
 * Demo stage: one scheduled joint session, two working days ahead, with three in-review demo filings on its agenda
 * and every unit invited. It is created when the loader reaches its last filing, from the in-review filings seen
 * on the way (each stage runs per filing, in the order the loader takes them).
 */
import { addDays, toIsoDate } from '../../shared/domain/calendar';
import { UNIT_CODES } from '../../shared/domain/units';
import { DEMO_TARGETS, type DemoRunner } from './plan';

let inReview: number[] = [];

export async function meetingsStage(runner: DemoRunner, filing: { id: number; index: number; target: string; at: Date }): Promise<Date> {
  if (filing.index === 0) inReview = [];
  const clerk = runner.as('clerk');
  const view = await runner.call(clerk, 'review.get', { filingId: filing.id }, filing.at);
  if (view.state === 'in_review') inReview.push(filing.id);
  if (filing.index === DEMO_TARGETS.length - 1 && inReview.length >= 3) {
    const agenda = inReview.slice(0, 3);
    inReview = [];
    // Demo filings live in the past; the session is ahead of the day the demo is loaded.
    const today = toIsoDate(new Date(Math.max(runner.now.getTime(), filing.at.getTime())));
    await runner.call(
      clerk,
      'meeting.create',
      {
        date: addDays(today, 2),
        time: '09:30',
        place: '政务服务中心三楼联审会议室',
        agenda,
        units: [...UNIT_CODES],
        idempotencyKey: 'demo-meeting-1',
      },
      filing.at,
    );
  }
  return filing.at;
}
