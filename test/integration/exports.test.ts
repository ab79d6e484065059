/** Issue 6 exports: read back with exceljs (and as CSV text), they match the database; who may export what; audited. */
import { renderStored } from '../../src/shared/i18n/stored';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, expectOk, type TestDesk, type TestUser } from '../helpers/desk';
import { csvField } from '../../src/main/followup/export';

let t: TestDesk;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
  clerk = await t.clerk();
  await t.acceptedFiling({ conditional: true });
  await t.newSubmittedFiling();
});
afterEach(() => t.close());

const exportPath = (id: string, format: string) => join(t.dir, 'exports', `${id}.${format}`);
const sql = <T>(q: string) => t.query<T>(q);

/** Minimal RFC 4180 reader: every field quoted, "" inside. */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

describe('exports', () => {
  it('filings to XLSX: Chinese headers, text, real dates and numbers, one row per filing', async () => {
    const out = await clerk.session.ok('export.create', { kind: 'filings', format: 'xlsx' });
    expect(out.filename).toMatch(/^备案案件-\d{8}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exportPath(out.id, 'xlsx'));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '备案编号',
      '状态',
      '申请单位',
      '统一社会信用代码',
      '项目名称',
      '化工园区',
      '容缺受理',
      '提交时间',
      '当前环节期限',
      '最近事项期限',
      '计划开始',
      '计划结束',
      '版本',
      '更新时间',
    ]);
    const db = await sql<{
      filing_no: string;
      state: 'in_review' | 'submitted';
      applicant_name: string;
      credit_code: string;
      due_date: string | null;
      version: number;
      submitted_at: string;
      conditional: number;
    }>('SELECT * FROM filings ORDER BY id');
    expect(sheet.rowCount).toBe(db.length + 1);
    expect(out.rows).toBe(db.length);
    db.forEach((f, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(f.filing_no);
      expect(row.getCell(2).value).toBe({ in_review: '联审中', submitted: '待受理' }[f.state]);
      expect(row.getCell(3).value).toBe(f.applicant_name);
      expect(row.getCell(4).value).toBe(f.credit_code);
      expect(row.getCell(7).value).toBe(f.conditional ? '是' : '否');
      // A real date cell holding the Shanghai wall-clock time.
      const submitted = row.getCell(8).value as Date;
      expect(submitted).toBeInstanceOf(Date);
      expect(submitted.toISOString().slice(0, 16)).toBe(new Date(Date.parse(f.submitted_at) + 8 * 3600_000).toISOString().slice(0, 16));
      expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      if (f.due_date) expect((row.getCell(9).value as Date).toISOString().slice(0, 10)).toBe(f.due_date);
      expect(row.getCell(13).value).toBe(f.version);
      expect(typeof row.getCell(13).value).toBe('number');
    });
  });

  it('tracked items to CSV: BOM, CRLF, every field quoted, the same rows as the database', async () => {
    const out = await clerk.session.ok('export.create', { kind: 'items', format: 'csv' });
    const bytes = readFileSync(exportPath(out.id, 'csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      '事项编号',
      '备案编号',
      '项目名称',
      '类型',
      '事项',
      '核验单位',
      '期限',
      '约束',
      '状态',
      '备注',
      '登记时间',
      '补交时间',
      '销号时间',
    ]);
    const db = await sql<{ id: number; text: string; due_date: string; verifying_unit: string }>('SELECT * FROM tracked_items ORDER BY id');
    expect(rows.slice(1).map((r) => [Number(r[0]), r[4], r[6], r[5], r[3], r[8]])).toEqual(
      // A title the desk composed is stored as a message key and exported in Chinese.
      db.map((i) => [i.id, renderStored('zh-CN', i.text), i.due_date, '应急管理局', '容缺材料', '待补交']),
    );
  });

  it('keeps formula-like text as text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-3)).toBe('"-3"');
    expect(csvField({ date: '2026-10-10' })).toBe('"2026-10-10"');
    expect(csvField({ datetime: '2026-09-30T16:30:00.000Z' })).toBe('"2026-10-01 00:30:00"');
  });

  it('the audit log only for administrators and observers; the file only for whoever made it; audited', async () => {
    expectError(await clerk.session.call('export.create', { kind: 'audit', format: 'csv' }), 'FORBIDDEN');
    const observer = await t.createUser('observer');
    const out = await observer.session.ok('export.create', { kind: 'audit', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exportPath(out.id, 'xlsx'));
    const sheet = book.worksheets[0]!;
    const seqs = await sql<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq');
    // The export's own entry is written after the file, so the file holds every entry before it.
    expect(out.rows).toBe(seqs.length - 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(out.rows + 1).getCell(1).value).toBe(seqs.length - 1);
    const [last] = await sql<{ action: string; actor_name: string; after: string }>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(last!).toMatchObject({ action: 'export.create', actor_name: 'observer 1' });
    expect(JSON.parse(last!.after)).toMatchObject({ kind: 'audit', format: 'xlsx', rows: out.rows });

    const mine = expectOk(await t.desk.files('export', out.id, { connectionId: observer.session.connectionId, lang: 'zh-CN' }));
    expect(mine.filename).toBe(out.filename);
    expect(Buffer.from(mine.bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    expectError(await t.desk.files('export', out.id, { connectionId: clerk.session.connectionId, lang: 'zh-CN' }), 'FORBIDDEN');
  });
});
