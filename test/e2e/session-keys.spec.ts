import { test, expect } from './fixtures';
import { go, login, logout, rpc } from './pages/review';

/**
 * Issue 15 §11, the shared screen from the keyboard: a past date is confirmed before a session is scheduled; the
 * footer names only keys that work; a unit not invited is marked before anyone types a password and its key does
 * nothing; the decision panel is a dialog that takes focus, so Enter acts in it and not on "打开观众屏"; the message
 * "请检查标出的内容" is brought into view; the conditions editor is as large as the screen's text; a reviewer who opens
 * session mode is told it is not theirs, not that the page does not exist.
 */
test.use({ deskOptions: { demo: true }, viewport: { width: 1920, height: 1080 } });

test('session mode from the keyboard: dialog focus, visible errors, uninvited units, keys that work, past dates', async ({
  deskPage: page,
  shot,
}) => {
  test.setTimeout(180_000);
  await login(page, 'clerk');

  // Scheduling a session dated yesterday asks first; nothing is created until the clerk confirms.
  const yesterday = await page.evaluate(() => {
    const d = new Date(Date.now() - 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByTestId('nav-meetings').click();
  const count = async () => (await rpc<unknown[]>(page, 'meeting.list', {})).value!.length;
  const before = await count();
  await page.getByTestId('meeting-new').click();
  await page.getByTestId('meeting-date').fill(yesterday);
  await page.getByTestId('meeting-place').fill('政务服务中心三楼联审会议室');
  await page.getByTestId('meeting-unit-yq').click();
  const picks = page.locator('[data-testid^="agenda-check-"]');
  await picks.nth(0).check();
  await picks.nth(1).check();
  await page.getByTestId('meeting-create').click();
  await expect(page.getByTestId('meeting-past')).toContainText(yesterday);
  await expect(page.getByTestId('meeting-form')).toBeVisible();
  expect(await count()).toBe(before);
  await page.getByTestId('meeting-past-confirm').click();
  await expect(page.getByTestId('meeting-page')).toBeVisible();
  const meetingPath = new URL(page.url()).hash.slice(1);

  await page.getByTestId('enter-session').click();
  const screen = page.getByTestId('session-screen');
  await expect(screen).toHaveAttribute('data-position', '0');

  // The footer: no "previous" on the first item, no "next" on the last.
  const keys = page.getByTestId('session-keys');
  await expect(keys).toHaveAttribute('data-keys', 'next units back');
  await page.keyboard.press('ArrowRight');
  await expect(screen).toHaveAttribute('data-position', '1');
  await expect(keys).toHaveAttribute('data-keys', 'previous units back');
  await expect(keys).not.toContainText('下一项');
  await page.keyboard.press('ArrowLeft');
  await expect(keys).toHaveAttribute('data-keys', 'next units back');

  // The park committee was not invited: marked on the board before anything is typed, and its key opens nothing.
  await expect(page.getByTestId('tally-yq')).toHaveAttribute('data-invited', 'false');
  await expect(page.getByTestId('tally-yq-not-invited')).toBeVisible();
  await expect(page.getByTestId('tally-yj')).toHaveAttribute('data-invited', 'true');
  await page.keyboard.press('5');
  await expect(page.getByTestId('session-toast')).toContainText('该单位未受邀参加本次会议');
  await expect(page.getByTestId('table-panel')).toHaveCount(0);

  // Focus on "打开观众屏", then 1: the panel takes focus, so Enter acts in the panel and opens no window.
  let opened = 0;
  page.context().on('page', () => opened++);
  await page.getByTestId('open-audience').focus();
  await page.keyboard.press('1');
  const panel = page.getByTestId('table-panel');
  await expect(panel).toHaveAttribute('data-unit', 'yj');
  await expect(panel).toHaveAttribute('aria-modal', 'true');
  await expect(panel).toBeFocused();
  await page.keyboard.press('Enter');
  // Nothing chosen yet: the form's message, scrolled into view below the long checklist.
  const message = page.getByTestId('table-message');
  await expect(message).toHaveText('请检查标出的内容');
  await expect(message).toBeInViewport({ ratio: 1 });
  await shot('message-in-view');
  expect(opened).toBe(0);

  // The conditions editor on the shared screen: its smallest text at least the screen's 28 px.
  await page.getByTestId('table-decision-approveWithConditions').click();
  await expect(page.getByTestId('table-conditions')).toBeVisible();
  const smallest = await page.getByTestId('table-conditions').evaluate((box) => {
    let min = Infinity;
    for (const el of box.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own && el.tagName !== 'TEXTAREA' && el.tagName !== 'INPUT') continue;
      const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * zoom);
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(28);
  await shot('conditions-editor');

  // From the keyboard: ↓ chooses, P answers the checklist, Enter goes on to the reviewer's password.
  await panel.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('table-decision-revise')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('p');
  await page.getByTestId('table-opinion').fill('请补充反应热测试数据。');
  await panel.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toHaveAttribute('data-stage', 'confirm');
  expect(opened).toBe(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // A reviewer who follows a link to session mode is told it is not theirs.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('meeting-page')).toBeVisible();
  await logout(page);
  await login(page, 'yj');
  await go(page, `${meetingPath}/control`);
  await expect(page.getByTestId('no-permission')).toHaveText('您没有打开此页面的权限');
  await expect(page.getByText('页面不存在')).toHaveCount(0);
});
