import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO_PASSWORD, go, login, logout, rpc } from './pages/review';
import { creditCodeWithCheck } from '../../src/shared/domain/identifiers';
import { translate, type Lang } from '../../src/shared/i18n';

/**
 * Issue 12 (point 6): the enterprise-problem forms check their values with their channel's own zod schema. A bad
 * value is marked on its field (aria-invalid, the message the field describes itself by) in the screen's language, and
 * focus goes to the first field in error; what only the desk can know (a file's type by content, a clock still
 * paused, a duplicate name) comes back beside its field the same way.
 */

const CREDIT = creditCodeWithCheck('91320412MA1MXKJU6');

async function expectFieldError(page: Page, testId: string, message: string): Promise<void> {
  const input = page.getByTestId(testId);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId, `${testId} is described by its error`).toBeTruthy();
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText(message);
}

const pick = async (page: Page, testId: string, option: string) => {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

async function newProblem(page: Page, title: string, dispatched: boolean): Promise<{ id: number; version: number }> {
  const made = await rpc<{ id: number; version: number }>(page, 'problem.create', {
    creditCode: CREDIT,
    firmName: '常州新材科技有限公司',
    filingId: null,
    title,
    request: '企业请求协调。',
    source: 'commissioner',
    category: 'other',
    attachments: [],
    idempotencyKey: `forms-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  });
  expect(made.ok, JSON.stringify(made.error)).toBe(true);
  if (!dispatched) return made.value!;
  const input = { problemId: made.value!.id, version: made.value!.version, meetingId: null, lead: 'sp', cooperating: [] };
  const done = await rpc<{ id: number; version: number }>(page, 'problem.dispatch', {
    ...input,
    grade: 'district',
    gradeReason: '',
    opinion: '窗口牵头办理。',
  });
  expect(done.ok, JSON.stringify(done.error)).toBe(true);
  return done.value!;
}

test('problem forms mark the field at fault, by the schema and by the desk, in both languages', async ({ deskPage: page, shot }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  expect((await rpc(page, 'auth.setup', { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD })).ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
  const clerk = { username: 'clerk', displayName: '李静（窗口）', role: 'clerk', unit: 'sp', password: DEMO_PASSWORD };
  expect((await rpc(page, 'accounts.create', clerk)).ok).toBe(true);
  await logout(page);
  await login(page, 'clerk');
  // What the schema refuses is never sent: the channels the desk was asked, in order.
  const sent: string[] = [];
  page.on('request', (r) => {
    const channel = /\/rpc\/([\w.]+)/.exec(r.url())?.[1];
    if (channel) sent.push(channel);
  });
  const unsent = (from: number, channel: string) => expect(sent.slice(from)).not.toContain(channel);

  for (const lang of ['zh-CN', 'en'] as Lang[]) {
    const m = (key: string) => translate(lang, key);
    if (lang === 'en') await page.getByTestId('lang-switch').getByText('EN').click();
    const fresh = await newProblem(page, `待交办-${lang}`, false);
    const open = await newProblem(page, `已交办-${lang}`, true);
    const other = await newProblem(page, `另一件-${lang}`, false);

    // New problem: a credit code with a wrong check character, no request; then a file the desk reads as text.
    await go(page, '/problems');
    await page.getByTestId('problems-new').click();
    let mark = sent.length;
    await page.getByTestId('pf-credit').fill(`${CREDIT.slice(0, 17)}${CREDIT[17] === '0' ? '1' : '0'}`);
    await page.getByTestId('pf-firm').fill('常州新材科技有限公司');
    await page.getByTestId('pf-title').fill('供电线路');
    await page.getByTestId('pf-save').click();
    await expectFieldError(page, 'pf-credit', m('v.creditCode.checksum'));
    await expectFieldError(page, 'pf-request', m('v.required'));
    await expect(page.getByTestId('pf-credit')).toBeFocused();
    unsent(mark, 'problem.create');
    await shot(`new-problem-errors-${lang}`);
    await page.getByTestId('pf-credit').fill(CREDIT);
    await page.getByTestId('pf-request').fill('企业请求协调架空方案。');
    await page
      .getByTestId('problem-form')
      .locator('input[type="file"]')
      .setInputFiles([{ name: 'not-a-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text') }]);
    await page.getByTestId('pf-save').click();
    await expectFieldError(page, 'pf-files', m('v.file.type'));
    expect(sent.slice(mark)).toContain('problem.create'); // this one only the desk could refuse
    await page.keyboard.press('Escape');

    // Dispatch: no next-step opinion.
    await go(page, `/problems/${fresh.id}`);
    await pick(page, 'df-lead', lang === 'en' ? 'Administrative Approval Bureau' : '行政审批局');
    mark = sent.length;
    await page.getByTestId('df-submit').click();
    await expectFieldError(page, 'df-opinion', m('v.required'));
    await expect(page.getByTestId('df-opinion')).toBeFocused();
    unsent(mark, 'problem.dispatch');

    // Actions: an empty note; then "solved" while the clock is paused, which only the desk refuses.
    await go(page, `/problems/${open.id}`);
    await page.getByTestId('problem-act').getByText(m('pu.act.note'), { exact: true }).click();
    mark = sent.length;
    await page.getByTestId('pa-submit').click();
    await expectFieldError(page, 'pa-text', m('v.required'));
    await expect(page.getByTestId('pa-text')).toBeFocused();
    unsent(mark, 'problem.report');
    // The desk pauses the clock for the firm (as the coordinator), then, as lead, reports it solved.
    const version = Number(await page.getByTestId('problem-page').getAttribute('data-version'));
    await page.getByTestId('problem-act').getByText(m('pu.act.pause'), { exact: true }).click();
    await page.getByTestId('pa-text').fill('等待企业补件');
    await page.getByTestId('pa-submit').click();
    await expect(page.getByTestId('problem-page')).toHaveAttribute('data-version', String(version + 1));
    await page.getByTestId('problem-act').getByText(m('pu.act.solved'), { exact: true }).click();
    await page.getByTestId('pa-text').fill('已办结。');
    await page.getByTestId('pa-submit').click();
    await expectFieldError(page, 'pa-text', m('pr.pause.stillPaused'));
    await page.setViewportSize({ width: 1280, height: 720 }); // the projector
    await shot(`actions-refused-${lang}-1280`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // Assignment meeting: a time that is not one, no place; then attendance naming one person twice.
    await go(page, '/problems');
    await page.getByTestId(`problem-pick-${fresh.id}`).check();
    await page.getByTestId('problems-meeting').click();
    await page.getByTestId('pm-time').fill('九点半');
    mark = sent.length;
    await page.getByTestId('pm-save').click();
    await expectFieldError(page, 'pm-time', m('v.time'));
    await expectFieldError(page, 'pm-place', m('v.required'));
    await expect(page.getByTestId('pm-time')).toBeFocused();
    unsent(mark, 'problem.meetingCreate');
    await page.getByTestId('pm-time').fill('09:30');
    await page.getByTestId('pm-place').fill('三楼会议室');
    await page.getByTestId('pm-save').click();
    await expect(page.getByTestId('pm-record')).toBeVisible();
    await pick(page, 'pm-att-department', lang === 'en' ? 'Administrative Approval Bureau' : '行政审批局');
    await page.getByTestId('pm-att-people').fill('张工、张工');
    mark = sent.length;
    await page.getByTestId('pm-att-save').click();
    await expectFieldError(page, 'pm-att-people', m('v.meeting.duplicate'));
    await expect(page.getByTestId('pm-att-people')).toBeFocused();
    unsent(mark, 'problem.setAttendance');
    if (lang === 'en') await shot('attendance-error-en');

    // A refusal of what no field holds (the agenda's problem was dispatched meanwhile) goes to the alert; focus stays.
    await go(page, '/problems');
    await page.getByTestId(`problem-pick-${other.id}`).check();
    await page.getByTestId('problems-meeting').click();
    await page.getByTestId('pm-place').fill('三楼会议室');
    const input = { problemId: other.id, version: other.version, meetingId: null, lead: 'sp', cooperating: [] };
    expect((await rpc(page, 'problem.dispatch', { ...input, grade: 'district', gradeReason: '', opinion: '窗口牵头办理。' })).ok).toBe(
      true,
    );
    await page.getByTestId('pm-save').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(translate(lang, 'pr.state.notNew', { state: 'dispatched' }));
    await expect(page.getByTestId('pm-save')).toBeFocused();
    await expect(page.getByTestId('pm-place')).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape');
  }
});
