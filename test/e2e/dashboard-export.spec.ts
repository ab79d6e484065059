import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, artifactsDir } from './fixtures';
import { login } from './pages/review';

/**
 * Issue 15 §12: the dashboard exports its own figures (a sheet per chart, real numbers) and prints as a monthly
 * report: A4, figures only, with its period on top.
 */
test.use({ deskOptions: { demo: true } });

test('the dashboard exports its figures to XLSX and prints as a monthly report', async ({ deskPage: page, shot }) => {
  test.setTimeout(120_000);
  await login(page, 'clerk');
  await page.getByTestId('nav-dashboard').click();
  const total = Number(await page.getByTestId('dash-total').textContent());
  expect(total).toBeGreaterThan(0);

  const download = page.waitForEvent('download');
  await page.getByTestId('dashboard-export-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^监督看板-\d{8}\.xlsx$/);
  const saved = join(artifactsDir, 'dashboard-figures.xlsx');
  await file.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  expect(book.worksheets.map((s) => s.name)).toEqual([
    '各状态案件数',
    '各单位审查用时',
    '各环节用时',
    '瓶颈',
    '各单位逾期事项',
    '每月办理量',
  ]);
  const counts = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
  // The counts by state add up to the total the dashboard shows.
  expect(counts.reduce((a, r) => a + (r[2] as number), 0)).toBe(total);
  await expect(page.getByText(/已生成 监督看板-\d{8}\.xlsx/)).toBeVisible();

  // The print layout: figures only, the report's period on top.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('dashboard-print-period')).toBeVisible();
  await expect(page.getByTestId('dashboard-print-tables')).toBeVisible();
  await expect(page.getByTestId('nav-dashboard')).toBeHidden();
  await expect(page.getByTestId('dashboard-export-xlsx')).toBeHidden();
  const pdf = join(artifactsDir, 'dashboard-monthly-report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  expect(text).toContain('监督看板月报');
  expect(text).not.toContain('导出数据');
  // The charts print as their numbers: every month of the period with its figures.
  const months = book.worksheets[5]!.getSheetValues().slice(2) as unknown[][];
  for (const m of months)
    expect(text).toMatch(new RegExp(`${m[1] as string}\\s+${m[2] as number}\\s+${m[3] as number}\\s+${m[4] as number}`));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(artifactsDir, 'dashboard-monthly-report')]);
  await page.emulateMedia({ media: 'screen' });
  await shot('dashboard');
});
