import { test, expect } from './fixtures';
import { login, reviewer, ReviewTab, rpc } from './pages/review';

/**
 * Domain §6 on the review tab: the desk form marks, beside each checklist item, what the server would refuse (a
 * "fail" without a note, approve with a failed item); and a unit changes its decision while the round is open, the
 * replaced one kept in the history.
 */
test.use({ deskOptions: { demo: true } });

test('checklist messages beside the item; changing a decision within the open round', async ({ deskPage: page, shot }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, reviewer('gh'));
  const inbox = await rpc<{ filingId: number; sections: string[]; round: number | null; staleSections: string[] }[]>(
    page,
    'review.inbox',
    {},
  );
  const target = inbox.value!.find((r) => r.round === 1 && r.sections.includes('gh') && r.staleSections.length === 0);
  expect(target, 'a round-1 filing waiting for planning').toBeTruthy();
  const review = new ReviewTab(page);
  await review.open(target!.filingId);
  const form = review.form;

  // A "fail" without a note, and "approve": both messages sit beside the item, and nothing is sent.
  await form.getByTestId('checklist-all-pass').click();
  const row = form.getByTestId('check-land-use');
  await row.getByText('不通过', { exact: true }).click();
  await form.getByTestId('decision-approve-radio').check();
  await form.getByTestId('decision-submit').click();
  await expect(row).toContainText('“不通过”须写明原因');
  await row.getByRole('textbox').fill('用地性质待核实');
  await form.getByTestId('decision-submit').click();
  await expect(row).toContainText('有“不通过”项时不能“通过”');
  await shot('checklist-messages');

  // Approve with the item passing, then change to revise while the round is still open.
  await row.getByText('通过', { exact: true }).first().click();
  await review.decide({ decision: 'approve' });
  const section = review.section('gh');
  await expect(section).toContainText('通过');
  await expect(section.getByTestId('change-decision')).toContainText('本轮尚未结束');
  await section.getByTestId('change-decision-toggle').click();
  await review.decide({ decision: 'revise', opinion: '请补充用地预审意见', fail: [{ code: 'land-use', note: '缺用地预审' }] });
  await expect(section).toContainText('退回补正');
  await section.getByRole('button', { name: /历史意见/ }).click();
  await expect(section).toContainText('已被本轮新意见取代');
  await shot('changed-decision');

  // The same screen in English at projector size.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
  await expect(section).toContainText('Replaced in the same round');
  await expect(section.getByTestId('change-decision')).toContainText('The round is still open');
  await shot('changed-decision-en');
});
