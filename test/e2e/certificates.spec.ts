import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, artifactsDir } from './fixtures';
import { go, login, logout, rpc } from './pages/review';

/**
 * Issue 4 end to end: an approved demo filing gets its certificate from the clerk, the pages are previewed on the
 * filing page, the PDF verifies by code and by file, the register revokes it and the verify page then says so.
 * Artefacts: screenshots of each screen and a PNG of every certificate page (pdftoppm) in artifacts/e2e/.
 */
test.use({ deskOptions: { demo: true } });

test('issue, preview, verify and revoke a certificate', async ({ deskPage: page, shot }) => {
  test.setTimeout(180_000);
  await login(page, 'clerk');

  // Demo filings past registration already carry certificates (the demo stage issued them).
  const before = await rpc<{ total: number }>(page, 'certificate.list', { query: '', status: null, offset: 0, limit: 1 });
  expect(before.value!.total).toBeGreaterThanOrEqual(5);

  const approved = await rpc<{ rows: { id: number; filingNo: string; projectName: string }[] }>(page, 'filing.list', {
    query: '',
    states: ['approved'],
    parkId: null,
    unit: null,
    overdueOnly: false,
    sort: 'updatedAt',
    dir: 'desc',
    offset: 0,
    limit: 10,
  });
  const filing = approved.value!.rows[0]!;
  expect(filing, 'no approved demo filing').toBeTruthy();

  await go(page, `/filings/${filing.id}`);
  await page.getByTestId('tab-certificates').click();
  const tab = page.getByTestId('certificates-tab');
  await expect(tab.getByTestId('cert-issue')).toBeVisible();
  await shot('before-issue');
  await tab.getByTestId('cert-issue').click();

  const number = tab.getByTestId('cert-number').first();
  await expect(number).toHaveText(/^滨海化中试备〔\d{4}〕[1-9]\d*号$/);
  await expect(tab.getByTestId('cert-status').first()).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('filing-page').getByText('已登记备案').first()).toBeVisible();
  const code = (await tab.getByTestId('cert-code').first().textContent())!.trim();
  expect(code).toMatch(/^[23456789A-Z]{10}$/);

  // The preview draws every page with pdf.js.
  const preview = page.getByTestId('pdf-preview-certificate');
  await expect(preview).toHaveAttribute('data-loading', 'false', { timeout: 30_000 });
  const pages = Number(await preview.getAttribute('data-pages'));
  expect(pages).toBeGreaterThanOrEqual(1);
  await expect(preview.locator('canvas')).toHaveCount(pages);
  await shot('preview');
  await preview.screenshot({ path: join(artifactsDir, 'certificates-preview-element.png') });

  // The PDF as the "open PDF" link serves it; every page rendered to PNG with pdftoppm for a person to look at.
  const href = (await page.getByTestId('pdf-open-certificate').getAttribute('href'))!;
  const base64 = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, href);
  const pdfPath = join(artifactsDir, 'certificates-issued.pdf');
  writeFileSync(pdfPath, Buffer.from(base64, 'base64'));
  for (const f of readdirSync(artifactsDir)) if (f.startsWith('certificates-page-')) rmSync(join(artifactsDir, f));
  execFileSync('pdftoppm', ['-r', '110', '-png', pdfPath, join(artifactsDir, 'certificates-page')]);
  expect(readdirSync(artifactsDir).filter((f) => f.startsWith('certificates-page-')).length).toBe(pages);

  // A long one too: the demo certificate with the most pages (continuation pages headed and numbered).
  const all = await rpc<{ rows: { id: number }[] }>(page, 'certificate.list', { query: '', status: null, offset: 0, limit: 100 });
  let longest: { pages: number; bytes: Buffer } = { pages: 0, bytes: Buffer.alloc(0) };
  for (const row of all.value!.rows) {
    const response = await page.request.get(new URL(href.replace(/\/certificate\/\d+/, `/certificate/${row.id}`), page.url()).href);
    const bytes = await response.body();
    const probe = join(artifactsDir, 'certificates-probe.pdf');
    writeFileSync(probe, bytes);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [probe], { encoding: 'utf8' }))?.[1] ?? 0);
    rmSync(probe);
    if (count > longest.pages) longest = { pages: count, bytes };
  }
  expect(longest.pages).toBeGreaterThanOrEqual(2);
  const longPath = join(artifactsDir, 'certificates-long.pdf');
  writeFileSync(longPath, longest.bytes);
  for (const f of readdirSync(artifactsDir)) if (f.startsWith('certificates-long-page-')) rmSync(join(artifactsDir, f));
  execFileSync('pdftoppm', ['-r', '110', '-png', longPath, join(artifactsDir, 'certificates-long-page')]);

  // Verify by code, then by the PDF file.
  const certNumber = (await number.textContent())!.trim();
  await go(page, '/verify');
  await page.getByTestId('verify-number').fill(certNumber);
  await page.getByTestId('verify-code').fill(code.toLowerCase());
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-result', 'valid');
  await expect(page.getByTestId('verify-outcome')).toContainText(filing.projectName);
  // The registered facts are shown for comparison with the paper (the firm, not only the code).
  await expect(page.getByTestId('verify-fact-applicant')).not.toBeEmpty();
  await shot('verify-valid');
  await page.getByTestId('verify-mode').getByText('证明PDF文件').click();
  await page.getByTestId('verify-pdf').click();
  await page.locator('input[type="file"]').setInputFiles(pdfPath);
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-result', 'valid');
  await expect(page.getByTestId('verify-file')).toHaveAttribute('data-file', 'issued');

  // The register: find it, revoke it with a reason; the verify page then says revoked.
  await go(page, '/certificates');
  await page.getByTestId('register-search').fill(code);
  const row = page.locator('[data-testid^="register-row-"]');
  await expect(row).toHaveCount(1);
  await shot('register');
  await row.getByTestId('register-revoke').click();
  await page.getByTestId('action-reason').fill('现场检查发现擅自扩大规模，撤销登记备案');
  await page.getByTestId('action-confirm').click();
  await expect(row.getByTestId('cert-status')).toHaveAttribute('data-status', 'revoked');
  await go(page, '/verify');
  await page.getByTestId('verify-number').fill(certNumber);
  await page.getByTestId('verify-code').fill(code);
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-result', 'revoked');
  await expect(page.getByTestId('verify-fact-status-reason')).toHaveText('现场检查发现擅自扩大规模，撤销登记备案');
  await shot('verify-revoked');

  // An observer sees the register but has no revoke or re-issue buttons.
  await logout(page);
  await login(page, 'observer');
  await go(page, '/certificates');
  await expect(page.locator('[data-testid^="register-row-"]').first()).toBeVisible();
  await expect(page.getByTestId('register-revoke')).toHaveCount(0);
});
