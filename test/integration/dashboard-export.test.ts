/**
 * Issue 15 §12: the dashboard's figures exported through export.create (kind 'dashboard'), read back with exceljs and
 * as CSV text, equal what dashboard.get answers on the same desk: a sheet per chart, real numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk, type TestUser } from '../helpers/desk';
import type { Dashboard } from '../../src/shared/contract/followup';
import { translate } from '../../src/shared/i18n';

let t: TestDesk;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
  clerk = await t.clerk();
  await t.acceptedFiling({ conditional: true });
  await t.acceptedFiling();
  await t.newSubmittedFiling();
});
afterEach(() => t.close());

const exportPath = (id: string, format: string) => join(t.dir, 'exports', `${id}.${format}`);
/** A sheet's rows below the header, each as wide as the header; an empty cell (no figure) reads null. */
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const width = sheet.getRow(1).cellCount;
  return sheet
    .getSheetValues()
    .slice(2)
    .map((r) => Array.from({ length: width }, (_, i) => (r as unknown[])[i + 1] ?? null));
};

describe('dashboard export', () => {
  it('XLSX: one sheet per chart, the same numbers as dashboard.get', async () => {
    const d = (await clerk.session.ok('dashboard.get', { months: 6 })) as Dashboard;
    const out = await clerk.session.ok('export.create', { kind: 'dashboard', format: 'xlsx', months: 6 });
    expect(out.filename).toMatch(/^监督看板-\d{8}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exportPath(out.id, 'xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '各状态案件数',
      '各单位审查用时',
      '各环节用时',
      '瓶颈',
      '各单位逾期事项',
      '每月办理量',
    ]);
    const [byState, units, steps, bottleneck, overdue, perMonth] = book.worksheets.map(rowsOf);

    expect(byState).toEqual(d.byState.map((s) => [translate('zh-CN', `state.${s.state}`), s.n]));
    expect(byState!.reduce((a, r) => a + (r[1] as number), 0)).toBe(d.total);
    expect(units!.map((r) => r.slice(1))).toEqual(
      d.units.map((u) => [u.n, u.median, u.p90, u.waitingNow, u.waitingDays, u.waitingMedian, u.waitingMax]),
    );
    expect(steps!.map((r) => r.slice(1))).toEqual(d.steps.map((s) => [s.n, s.median, s.p90]));
    expect(bottleneck!.map((r) => r.slice(2))).toEqual(
      d.bottleneck ? [[d.bottleneck.median, d.bottleneck.waitingNow, d.bottleneck.waitingDays]] : [],
    );
    expect(overdue!.map((r) => r.slice(1))).toEqual(d.overdueByUnit.map((o) => [o.overdue, o.open]));
    expect(perMonth).toEqual(d.perMonth.map((m) => [m.month, m.submitted, m.accepted, m.registered]));
    // Real numbers, not text that looks like numbers.
    expect(typeof byState![0]![1]).toBe('number');
    expect(d.total).toBeGreaterThanOrEqual(3);
    expect(d.perMonth.reduce((a, m) => a + m.submitted, 0)).toBeGreaterThanOrEqual(3);
  });

  it('CSV: one row per figure, with the same values', async () => {
    const d = (await clerk.session.ok('dashboard.get', { months: 12 })) as Dashboard;
    const out = await clerk.session.ok('export.create', { kind: 'dashboard', format: 'csv' });
    const text = readFileSync(exportPath(out.id, 'csv'), 'utf8');
    expect(text.startsWith('\uFEFF"图表","分组","指标","数值"\r\n')).toBe(true);
    const rows = text
      .slice(1)
      .split('\r\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!));
    const figure = (chart: string, group: string, measure: string) =>
      rows.find((r) => r[0] === chart && r[1] === group && r[2] === measure)?.[3];
    for (const s of d.byState) expect(figure('各状态案件数', translate('zh-CN', `state.${s.state}`), '案件数')).toBe(String(s.n));
    for (const m of d.perMonth) {
      expect(figure('每月办理量', m.month, '提交')).toBe(String(m.submitted));
      expect(figure('每月办理量', m.month, '发证')).toBe(String(m.registered));
    }
    const review = d.steps.find((s) => s.step === 'review')!;
    expect(figure('各环节用时', '联合审查', '完成数')).toBe(String(review.n));
    expect(out.rows).toBe(rows.length);
  });

  it('is audited like every export', async () => {
    const out = await clerk.session.ok('export.create', { kind: 'dashboard', format: 'xlsx' });
    const audit = await t.query<{ action: string; after: string }>(`SELECT action, after FROM audit_log WHERE target = 'export:${out.id}'`);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ kind: 'dashboard', format: 'xlsx' });
  });
});
