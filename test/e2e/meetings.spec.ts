import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './fixtures';
import { DEMO_PASSWORD, login, reviewer, rpc, UNITS } from './pages/review';

/**
 * Issue 5 end to end, in browser mode: the clerk schedules a session with three filings in review, runs it on the
 * shared screen, and each unit's reviewer confirms at the table with their own password (one mistypes first). An
 * audience window opened from the control screen follows it. Closing produces minutes that hold every decision.
 */
test.use({ deskOptions: { demo: true } });

type Unit = (typeof UNITS)[number];
// The demo reviewers' display names.
const NAMES: Record<Unit, string> = { yj: '周明（应急）', hb: '吴芳（环保）', gh: '郑伟（规划）', sp: '王磊（审批）', yq: '冯强（园区）' };
const HD = { width: 1920, height: 1080 };

interface Plan {
  decision: 'approve' | 'approveWithConditions' | 'revise' | 'notInvolved';
  opinion?: string;
  condition?: string;
  reason?: string;
}

/** One unit's turn at the table, entirely from the keyboard except for typing. */
async function confirmAtTable(control: Page, audience: Page, unit: Unit, plan: Plan, opts: { wrongPasswordFirst?: boolean } = {}) {
  const key = String(UNITS.indexOf(unit) + 1);
  await control.keyboard.press(key);
  const panel = control.getByTestId('table-panel');
  await expect(panel).toHaveAttribute('data-unit', unit);
  // The audience sees which unit is being recorded.
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-focus', unit);
  await control.getByTestId(`table-decision-${plan.decision}`).click();
  if (plan.decision !== 'notInvolved') await control.keyboard.press('p');
  if (plan.reason) await control.getByTestId('table-reason').fill(plan.reason);
  if (plan.opinion) await control.getByTestId('table-opinion').fill(plan.opinion);
  if (plan.condition) {
    await control.getByTestId('condition-0-text').fill(plan.condition);
    await control.getByTestId('condition-0-days').fill('15');
  }
  // Leave the text field, then Enter records.
  await panel.locator('h2').click();
  await control.keyboard.press('Enter');
  await expect(panel).toHaveAttribute('data-stage', 'confirm');
  const username = control.getByTestId('table-username');
  if (!(await username.inputValue())) await username.fill(reviewer(unit));
  await expect(username).toHaveValue(reviewer(unit));
  if (opts.wrongPasswordFirst) {
    await control.getByTestId('table-password').fill('not-my-password');
    await control.keyboard.press('Enter');
    await expect(control.getByTestId('table-password-error')).toBeVisible();
    await expect(panel).toHaveAttribute('data-stage', 'confirm');
    await expect(control.getByTestId(`tally-${unit}`)).toHaveAttribute('data-decision', 'pending');
  }
  await control.getByTestId('table-password').fill(DEMO_PASSWORD);
  await control.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  for (const p of [control, audience]) {
    await expect(p.getByTestId(`tally-${unit}`)).toHaveAttribute('data-decision', plan.decision);
    await expect(p.getByTestId(`tally-${unit}`)).toHaveAttribute('data-via', 'session');
  }
  await expect(control.getByTestId(`tally-${unit}`)).toContainText(NAMES[unit]);
}

test('a joint session on the shared screen: step-up at the table, audience window in step, minutes', async ({
  deskPage: page,
  desk,
  shot,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize(HD);
  await login(page, 'clerk');

  // Three filings in review: two new ones waiting for all five units, and a demo one part-way through its round.
  const inbox = await rpc<{ filingId: number; sections: string[]; staleSections: string[]; state: string }[]>(page, 'review.inbox', {});
  expect(inbox.ok).toBe(true);
  const rows = inbox.value!.filter((r) => r.state === 'in_review' && r.staleSections.length === 0);
  expect(rows.length, JSON.stringify(inbox.value)).toBeGreaterThan(0);
  const partial = rows.find((r) => r.sections.length > 0 && r.sections.length < 5);
  const fresh = [await filingInReview(page, rows[0]!.filingId, '（一期）'), await filingInReview(page, rows[0]!.filingId, '（二期）')];
  const agenda = [...fresh, partial ? partial.filingId : await filingInReview(page, rows[0]!.filingId, '（三期）')];
  const third = (partial?.sections ?? UNITS) as readonly Unit[];

  // Schedule it through the list page.
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-new').click();
  await page.getByTestId('meeting-date').fill('2026-03-04');
  await page.getByTestId('meeting-time').fill('09:30');
  await page.getByTestId('meeting-place').fill('政务服务中心三楼联审会议室');
  for (const id of agenda) await page.getByTestId(`agenda-check-${id}`).check();
  await page.getByTestId('meeting-create').click();
  // 4 March 2026 is before today: the form asks once whether a session already held is meant.
  await page.getByTestId('meeting-past-confirm').click();
  await expect(page.getByTestId('meeting-page')).toBeVisible();
  await expect(page.getByTestId('meeting-agenda').locator('tr')).toHaveCount(3);
  expect(page.url()).toMatch(/#\/meetings\/\d+$/);

  // Roll call for one unit by account; the others are recorded when they confirm at the table.
  await page.getByTestId('attendance-select-yj').click();
  await page.getByRole('option', { name: NAMES.yj }).click();
  await expect(page.getByTestId('attendance-yj')).toHaveAttribute('data-present', 'true');
  await page.keyboard.press('Escape');

  // Session mode, and the audience window opened from it.
  await page.getByTestId('enter-session').click();
  await expect(page.getByTestId('session-screen')).toHaveAttribute('data-position', '0');
  const [audience] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-audience').click()]);
  await audience.setViewportSize(HD);
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-view', 'audience');
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-filing-id', String(agenda[0]));
  await shot('control-overview', page);

  // Filing 1: all five units confirm in turn; environment mistypes first.
  await confirmAtTable(page, audience, 'yj', {
    decision: 'approveWithConditions',
    opinion: '同意开展中试，试运行前须完成应急演练。',
    condition: '试运行前完成应急演练',
  });
  await confirmAtTable(page, audience, 'hb', { decision: 'approve' }, { wrongPasswordFirst: true });
  await confirmAtTable(page, audience, 'gh', { decision: 'notInvolved', reason: '不涉及新建构筑物。' });
  await confirmAtTable(page, audience, 'sp', { decision: 'approve' });
  // The screen while a unit records, on both displays.
  await page.keyboard.press('5');
  await page.getByTestId('table-decision-approveWithConditions').click();
  await page.keyboard.press('p');
  await page.getByTestId('table-opinion').fill('同意，按月报送监测记录。');
  await page.getByTestId('condition-0-text').fill('每月报送运行监测记录');
  await expect(audience.getByTestId('audience-recording')).toBeVisible();
  await shot('control-recording', page);
  await shot('audience-recording', audience);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('table-panel')).toHaveCount(0);
  await confirmAtTable(page, audience, 'yq', {
    decision: 'approveWithConditions',
    opinion: '同意，按月报送监测记录。',
    condition: '每月报送运行监测记录',
  });
  await expect(page.getByTestId('count-pending')).toHaveText('0');
  await expect(page.getByTestId('session-filing-no')).toContainText('待发证');

  // Next filing: the audience follows the host.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('session-screen')).toHaveAttribute('data-position', '1');
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-position', '1');
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-filing-id', String(agenda[1]));
  await confirmAtTable(page, audience, 'yj', { decision: 'approve' });
  await confirmAtTable(page, audience, 'hb', { decision: 'revise', opinion: '请补充危废处置协议。' });
  await confirmAtTable(page, audience, 'gh', { decision: 'approve' });
  await confirmAtTable(page, audience, 'sp', { decision: 'approve' });
  await confirmAtTable(page, audience, 'yq', { decision: 'approve' });
  await shot('audience-after-round', audience);

  // Third filing: only the units still waiting decide; PageUp and PageDown move too.
  await page.keyboard.press('PageDown');
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-position', '2');
  await page.keyboard.press('PageUp');
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-position', '1');
  await page.keyboard.press('PageDown');
  await expect(audience.getByTestId('session-screen')).toHaveAttribute('data-position', '2');
  for (const unit of third) await confirmAtTable(page, audience, unit, { decision: 'approve' });
  await shot('control-third', page);
  await shot('audience-third', audience);

  // Back to the meeting page and close it; the minutes hold every decision and condition.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('meeting-page')).toBeVisible();
  await page.getByTestId('meeting-close').click();
  await page.getByTestId('meeting-note-' + agenda[1]).fill('申请单位补充材料后另行安排会议。');
  await page.getByTestId('meeting-close-confirm').click();
  await expect(page.getByTestId('meeting-page')).toHaveAttribute('data-state', 'closed');
  await expect(audience.getByTestId('session-screen')).toContainText('会议已结束');
  const href = await page.getByTestId('minutes-link').getAttribute('href');
  const response = await page.request.get(`${desk.origin}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const minutes = await response.body();
  // The minutes as a person sees them, one PNG a page (artifacts/e2e/minutes-page-N.png).
  writeFileSync(join(artifactsDir, 'minutes.pdf'), minutes);
  execFileSync('pdftoppm', ['-r', '110', '-png', join(artifactsDir, 'minutes.pdf'), join(artifactsDir, 'minutes-page')]);
  const text = pdfText(minutes);
  for (const name of Object.values(NAMES)) expect(text).toContain(`${name}（会上确认）`);
  // Table cells wrap, and pdftotext interleaves the lines of neighbouring cells: the texts at the table are kept
  // shorter than one cell line so each comes out whole.
  for (const needle of [
    '试运行前完成应急演练',
    '每月报送运行监测记录',
    '请补充危废处置协议。',
    '不涉及新建构筑物。',
    '申请单位补充材料后另行安排会议。',
    '有条件通过',
    '退回补正',
    '不涉及',
  ])
    expect(text).toContain(needle);
  // Decisions made earlier at their own desks are listed as such.
  if (partial) expect(text).toContain('本单位办理');
  const decided = text.match(/（会上确认）/g)?.length ?? 0;
  expect(decided).toBe(10 + third.length);
});

/** A tiny PDF: attachments are checked by their magic bytes, not read. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1').toString(
  'base64',
);

/** A new filing in joint review, every unit waiting: the facts of an existing one, every paper, submitted, accepted. */
async function filingInReview(page: Page, sourceId: number, suffix: string): Promise<number> {
  type View = {
    id: number;
    version: number;
    state: string;
    fields: { project: { name: string } };
    materials: { code: string; applicable: boolean }[];
  };
  const must = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await rpc<T>(page, channel, input);
    expect(r.ok, `${channel}: ${JSON.stringify(r.error)}`).toBe(true);
    return r.value!;
  };
  const source = await must<View>('filing.get', { id: sourceId });
  const fields = { ...source.fields, project: { ...source.fields.project, name: `${source.fields.project.name}${suffix}` } };
  let view = await must<View>('filing.create', { fields });
  for (const m of view.materials.filter((x) => x.applicable && x.code !== 'commitment'))
    view = await must<View>('material.attach', {
      filingId: view.id,
      version: view.version,
      code: m.code,
      file: { name: `${m.code}.pdf`, contentBase64: PDF },
    });
  view = await must<View>('filing.submit', { id: view.id, version: view.version });
  const key = `e2e-meeting-${view.id}-${Date.now()}`;
  view = await must<View>('acceptance.decide', {
    filingId: view.id,
    version: view.version,
    decision: 'accept',
    reason: '',
    corrections: [],
    deadlines: [],
    idempotencyKey: key,
  });
  expect(view.state).toBe('in_review');
  return view.id;
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-minutes-'));
  try {
    writeFileSync(join(dir, 'm.pdf'), bytes);
    // Running footers can fall inside a paragraph that crosses a page; they are not part of the text.
    return execFileSync('pdftotext', [join(dir, 'm.pdf'), '-'], { encoding: 'utf8' })
      .replace(/\s+/g, '')
      .replace(/化工中试项目联合审查会议纪要第\d+页共\d+页/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
