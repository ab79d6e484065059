import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './fixtures';
import type { Lang } from '../../src/shared/i18n';
import { DeskShell } from './pages/desk-shell';
import { FilingFormPage } from './pages/filing-form';
import { FilingPageObject } from './pages/filing-page';
import { FilingsListPage } from './pages/filings-list';

/**
 * Issue 2 end to end, once per language: first start, an admin creates a clerk, the clerk takes in a filing
 * (a wrong credit code is caught inline first), attaches a file, submits, accepts conditionally with two missing
 * eligible materials, and the list shows the filing with both supply deadlines.
 */

const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'admin-pass-2026' };
const CLERK = { username: 'clerk1', displayName: '窗口王敏', password: 'clerk-pass-2026' };
const GOOD_CODE = '91350100M000100Y43';
const BAD_CODE = '91350100M000100Y44'; // last character changed: the check character no longer matches
const MISSING = ['eia', 'staff']; // two eligible materials left missing for 容缺受理

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
});

function isoDaysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

async function createClerk(shell: DeskShell): Promise<void> {
  const page = shell.page;
  await shell.go('/accounts');
  // The accounts screen belongs to another area; it must be there for this flow.
  await expect(page.getByTestId('account-new')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('account-new').click();
  await page.getByTestId('account-username').fill(CLERK.username);
  await page.getByTestId('account-displayName').fill(CLERK.displayName);
  await shell.choose('account-role', shell.t('role.clerk'));
  const unit = page.getByTestId('account-unit');
  if ((await unit.count()) && (await unit.isEnabled()) && !(await unit.inputValue())) await shell.choose('account-unit', /审批|Approval/);
  await page.getByTestId('account-password').fill(CLERK.password);
  await page.getByTestId('account-submit').click();
  await expect(page.getByText(CLERK.username, { exact: true }).first()).toBeVisible();
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test.describe(`intake (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });

    test('clerk takes in a filing and accepts it conditionally', async ({ page, desk }) => {
      test.setTimeout(240_000);
      const shell = new DeskShell(page, lang);
      const form = new FilingFormPage(shell);
      const filing = new FilingPageObject(shell);
      const list = new FilingsListPage(shell);
      // From the top: a full-page shot of a scrolled window would draw the fixed header mid-page.
      const shot = async (step: string, p: Page = page) => {
        await p.evaluate(() => window.scrollTo(0, 0));
        await p.screenshot({ path: join(artifactsDir, `${lang}-${step}.png`), fullPage: true });
      };

      await page.goto(desk.url);
      await expect(page.getByTestId('setup-username')).toBeVisible();
      await shell.chooseLanguage();
      await shot('01-setup');
      await shell.createAdmin(ADMIN.username, ADMIN.displayName, ADMIN.password);

      await createClerk(shell);
      await shot('02-accounts');
      await shell.logout();
      await shell.login(CLERK.username, CLERK.password);

      // New filing: the wrong credit code is caught beside the field, then corrected.
      await page.getByTestId('nav-new-filing').click();
      await expect(page.getByTestId('new-filing-page')).toBeVisible();
      await form.fill('applicant.name', '滨海新材料科技有限公司');
      await form.fillAndLeave('applicant.creditCode', BAD_CODE);
      await form.expectError('applicant.creditCode', shell.t('v.creditCode.checksum'));
      await expect(form.saveStatus()).toHaveAttribute('data-status', 'invalid');
      await shot('03-new-filing-bad-code');
      await form.fillAndLeave('applicant.creditCode', GOOD_CODE);
      await form.expectNoError('applicant.creditCode');

      // The first valid autosave creates the draft and opens its page.
      await expect(page).toHaveURL(/#\/filings\/\d+$/, { timeout: 10_000 });
      await expect(filing.root).toBeVisible();
      await filing.expectState('draft');
      await expect(page.getByTestId('filing-no')).toHaveText(/\S+/);
      const filingId = await filing.id();

      await form.fill('applicant.legalRepresentative', '李建国');
      await form.fill('applicant.contactName', '周晓');
      await form.fill('applicant.contactMobile', '13812345678');
      await form.fill('applicant.address', '山东省滨海市化工园区纬三路 8 号');
      await form.fill('project.name', '高纯电子级硝酸中试项目');
      await shell.choose('f-project.parkId', lang === 'en' ? 'Binhai Chemical Industrial Park' : '滨海化工产业园');
      await expect(form.field('project.baseId')).toHaveValue(lang === 'en' ? 'Binhai Pilot Base' : '滨海化工中试基地');
      await form.fill('project.bay', '3 号中试车间');
      await form.addProduct('电子级硝酸', '7697-37-2');
      await form.fill('project.routeSummary', '稀硝酸经精馏、吸收、过滤制得电子级硝酸；不涉及硝化反应。');
      await shell.choose('f-project.processes', shell.t('process.氧化'));
      await page.keyboard.press('Escape');
      await form.addChemical('硝酸', '7697-37-2', '0.5', '2');
      await form.fill('project.plannedStart', isoDaysFromNow(30));
      await form.fill('project.plannedEnd', isoDaysFromNow(30 + 365));
      await form.waitSaved();
      await expect(form.saveStatus()).toContainText(shell.t('fr.savedAt', { time: '' }).trim());
      await shot('04-record');

      // Materials: a file that is not what it claims is refused beside its row; a real PDF is attached.
      await filing.openTab('materials');
      await filing.attach('application', {
        name: 'notes.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('just some text, not a PDF'),
      });
      await expect(page.getByTestId('material-error-application')).toHaveText(shell.t('v.file.type'));
      await shot('05-materials-wrong-type');
      await filing.attach('application', pdf('备案申请表.pdf'));
      await expect(page.getByTestId('attachment-application')).toContainText('备案申请表.pdf');
      await expect(filing.material('application')).toHaveAttribute('data-state', 'present');
      await expect(page.getByTestId('material-error-application')).toHaveCount(0);
      for (const code of await filing.missingApplicable()) if (!MISSING.includes(code)) await filing.markPaper(code);
      expect((await filing.missingApplicable()).sort()).toEqual([...MISSING].sort());
      await shot('06-materials');

      await filing.submit();
      await filing.expectState('submitted');

      // Acceptance: conditional, with the two missing eligible items and their default (latest allowed) deadlines.
      await filing.openTab('acceptance');
      await filing.chooseDecision('conditional');
      const deadlines: string[] = [];
      for (const code of MISSING) {
        const input = page.getByTestId(`deadline-${code}`);
        await expect(input).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
        deadlines.push(await input.inputValue());
      }
      await shot('07-acceptance');
      await page.getByTestId('acceptance-submit').click();
      await filing.expectState('in_review');
      await expect(filing.root.getByTestId('conditional-badge')).toBeVisible();
      await expect(page.getByTestId('tracked-items').locator('tbody tr')).toHaveCount(2);
      await shot('08-accepted');

      // The list shows the filing, its conditional badge and both supply deadlines.
      await list.open();
      const row = list.row(filingId);
      await expect(row).toBeVisible();
      await expect(row.getByTestId('conditional-badge')).toBeVisible();
      await expect(row.getByTestId('row-item-due')).toHaveText([...deadlines].sort());
      await list.search('新材料');
      await expect(row).toBeVisible();
      await expect(page.getByTestId('filings-total')).toHaveText(shell.t('fl.total', { n: '1' }));
      await shot('09-list');

      // Keyboard: `/` focuses the search, Enter on a row opens it.
      await page.locator('body').click({ position: { x: 5, y: 400 } });
      await page.keyboard.press('/');
      await expect(page.getByTestId('filings-search')).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(row).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#/filings/${filingId}$`));
    });
  });
}
