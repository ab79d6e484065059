import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactsDir, expect, startDesk, test } from './fixtures';
import { login, rpc } from './pages/review';

/**
 * Issue 10 in browser mode: an export's toast follows what happened to the file, and the damaged-database screen
 * prints a restore command for this data folder. (The Electron side of both runs in test/electron.)
 */
test.use({ deskOptions: { demo: true } });

test('an export says it is ready only when the file came; a refused file says why', async ({ deskPage: page }) => {
  await login(page, 'clerk');
  await page.getByTestId('nav-followup').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-filings-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByText(/已生成 .+\.xlsx（\d+ 行）/)).toBeVisible();

  // The file route refuses (as an expired session would): the toast carries the refusal, never "ready".
  await page.route('**/files/export/**', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '无权下载该文件' } }),
    }),
  );
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-filings-csv').click();
  await expect(page.getByText('无权下载该文件')).toBeVisible();
  await expect(page.getByText(/已生成 .+\.csv/)).toHaveCount(0);
});

test('the damaged-database screen prints the restore command for this folder', async ({ browser }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-damaged-'));
  const desk = await startDesk({ demo: true, dataDir });
  // A backup, then damage over the middle of the file, then the desk starts again on the same folder.
  const setup = await browser.newPage();
  await setup.goto(desk.url);
  await login(setup, 'admin');
  const backup = await rpc<{ path: string }>(setup, 'backup.create', {});
  expect(backup.ok).toBe(true);
  await setup.close();
  await desk.stop();
  const file = join(desk.dataDir, 'desk.sqlite');
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, Math.max(8192, Math.floor(size / 2) - 32 * 1024));
  closeSync(fd);
  const again = await startDesk({ dataDir: desk.dataDir });
  try {
    for (const [locale, lang] of [
      ['zh-CN', 'zh'],
      ['en-US', 'en'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(again.url);
      const command = page.getByTestId('restore-command');
      await expect(command).toHaveText(`npm run desk -- restore ${backup.value!.path} --data-dir ${desk.dataDir}`);
      for (const size of [
        { width: 1366, height: 768 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(size);
        await page.screenshot({ path: join(artifactsDir, `files-damaged-db-${lang}-${size.width}.png`), fullPage: true });
      }
      await context.close();
    }
  } finally {
    await again.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
