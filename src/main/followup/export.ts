/**
 * Exports (issue 6): filings, tracked items and the audit log as XLSX or CSV with Chinese headers. XLSX holds real
 * dates and numbers; CSV is UTF-8 with a BOM, CRLF line ends and every field quoted, which Excel and WPS both open
 * with the Chinese intact. Rows stream from SQLite to the file, so the size of the log does not matter.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Settings } from '../../shared/schemas/settings';
import type { UnitCode } from '../../shared/domain/units';
import { translate } from '../../shared/i18n';
import { renderStored } from '../../shared/i18n/stored';
import type { EXPORT_QUERIES } from '../db/followup';
import type { ExportSource } from '../db/export-source';
import { checkRun, type ExportRun } from './export-runs';
import { filingClock } from '../review/clock';

export type ExportKind = keyof typeof EXPORT_QUERIES;
export type ExportFormat = 'xlsx' | 'csv';

type Cell = string | number | { date: string } | { datetime: string } | null;
interface Column {
  header: string;
  width: number;
  type: 'text' | 'number' | 'date' | 'datetime';
  value(row: Record<string, unknown>): Cell;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const dateOnly = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? { date: v } : null);
const instant = (v: unknown) => (typeof v === 'string' && v ? { datetime: v } : null);

function columns(kind: ExportKind, settings: Settings, today: string): Column[] {
  const unit = (v: unknown) => (typeof v === 'string' && v in settings.units ? settings.units[v as UnitCode].nameZh : text(v));
  const park = (v: unknown) => settings.parks.find((p) => p.id === v)?.nameZh ?? text(v);
  const zh = (prefix: string) => (v: unknown) => (typeof v === 'string' && v ? translate('zh-CN', `${prefix}${v}`) : null);
  const col = (header: string, width: number, type: Column['type'], value: Column['value']): Column => ({ header, width, type, value });
  if (kind === 'filings')
    return [
      col('备案编号', 18, 'text', (r) => text(r.filing_no)),
      col('状态', 12, 'text', (r) => zh('state.')(r.state)),
      col('申请单位', 36, 'text', (r) => text(r.applicant_name)),
      col('统一社会信用代码', 22, 'text', (r) => text(r.credit_code)),
      col('项目名称', 40, 'text', (r) => text(r.project_name)),
      col('化工园区', 20, 'text', (r) => park(r.park_id)),
      col('容缺受理', 10, 'text', (r) => (r.conditional === 1 ? '是' : '否')),
      col('提交时间', 18, 'datetime', (r) => instant(r.submitted_at)),
      // The one clock (domain §7): a paused step's due date has moved on since it was stored.
      col('当前环节期限', 14, 'date', (r) => {
        const f = { dueDate: text(r.due_date), pausedSince: text(r.paused_since) };
        return dateOnly(filingClock(f, settings, today)?.dueDate);
      }),
      col('最近事项期限', 14, 'date', (r) => dateOnly(r.next_item_due)),
      col('计划开始', 12, 'date', (r) => dateOnly(r.planned_start)),
      col('计划结束', 12, 'date', (r) => dateOnly(r.planned_end)),
      col('版本', 8, 'number', (r) => Number(r.version)),
      col('更新时间', 18, 'datetime', (r) => instant(r.updated_at)),
    ];
  if (kind === 'items')
    return [
      col('事项编号', 10, 'number', (r) => Number(r.id)),
      col('备案编号', 18, 'text', (r) => text(r.filing_no)),
      col('项目名称', 40, 'text', (r) => text(r.project_name)),
      col('类型', 10, 'text', (r) => zh('fu.kind.')(r.kind)),
      col('事项', 40, 'text', (r) => text(renderStored('zh-CN', String(r.text)))),
      col('核验单位', 20, 'text', (r) => unit(r.verifying_unit)),
      col('期限', 12, 'date', (r) => dateOnly(r.due_date)),
      col('约束', 10, 'text', (r) => zh('fu.blocks.')(r.blocks)),
      col('状态', 10, 'text', (r) => zh('fu.state.')(r.state)),
      col('备注', 40, 'text', (r) => text(r.note)),
      col('登记时间', 18, 'datetime', (r) => instant(r.created_at)),
      col('补交时间', 18, 'datetime', (r) => instant(r.supplied_at)),
      col('销号时间', 18, 'datetime', (r) => instant(r.closed_at)),
    ];
  if (kind === 'problems')
    return [
      col('诉求编号', 16, 'text', (r) => text(r.problem_no)),
      col('状态', 12, 'text', (r) => zh('pr.state.')(r.state)),
      col('企业', 36, 'text', (r) => text(r.firm_name)),
      col('统一社会信用代码', 22, 'text', (r) => text(r.credit_code)),
      col('诉求事项', 40, 'text', (r) => text(r.title)),
      col('类别', 14, 'text', (r) => text(r.category)),
      col('等级', 8, 'text', (r) => zh('pr.grade.')(r.grade)),
      col('牵头单位', 22, 'text', (r) => text(r.lead)),
      col('限期', 12, 'date', (r) => dateOnly(r.due_date)),
      col('调整牵头次数', 12, 'number', (r) => Number(r.reassign_count)),
      col('回访不满意次数', 12, 'number', (r) => Number(r.unsatisfied_count)),
      col('办结用时（工作日）', 14, 'number', (r) => (r.solved_days === null ? null : Number(r.solved_days))),
      col('堵点原因', 12, 'text', (r) => zh('pr.cause.')(r.cause)),
      col('登记时间', 18, 'datetime', (r) => instant(r.created_at)),
      col('销号时间', 18, 'datetime', (r) => instant(r.closed_at)),
    ];
  return [
    col('序号', 10, 'number', (r) => Number(r.seq)),
    col('时间', 20, 'datetime', (r) => instant(r.at)),
    col('操作人', 18, 'text', (r) => text(r.actor_name)),
    col('单位', 16, 'text', (r) => unit(r.unit)),
    col('操作', 22, 'text', (r) => text(r.action)),
    col('对象', 16, 'text', (r) => text(r.target)),
    col('结果', 8, 'text', (r) => text(r.outcome)),
    col('哈希', 66, 'text', (r) => text(r.hash)),
  ];
}

const SHANGHAI_MS = 8 * 3600_000;
/** Excel has no time zones: a cell shows the wall-clock time in Shanghai, where the desk stands. */
const wallClock = (iso: string) => new Date(Date.parse(iso) + SHANGHAI_MS);
const wallText = (iso: string) => wallClock(iso).toISOString().slice(0, 19).replace('T', ' ');

/** A cell that starts like a formula is kept as text in spreadsheets (CSV injection). */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function csvField(c: Cell): string {
  const s =
    c === null ? '' : typeof c === 'number' ? String(c) : typeof c === 'string' ? defuse(c) : 'date' in c ? c.date : wallText(c.datetime);
  return `"${s.replace(/"/g, '""')}"`;
}

export const EXPORT_NAMES: Record<ExportKind, string> = { filings: '备案案件', items: '跟踪事项', problems: '企业诉求', audit: '审计日志' };

export interface ExportFile {
  path: string;
  filename: string;
  mime: string;
  rows: number;
  size: number;
}

/** Rows written between two looks at the run (progress and cancel), and between two turns of the event loop. */
export const EXPORT_CHUNK = 25;

/**
 * Runs `fn` on every row, and every EXPORT_CHUNK rows reports how far it got, stops if the run was cancelled and lets
 * the desk answer other requests (the window's progress and cancel among them).
 */
async function eachRow(source: ExportSource, run: ExportRun | undefined, fn: (r: Record<string, unknown>) => void): Promise<number> {
  let n = 0;
  if (run) run.total = source.total;
  const step = async () => {
    if (run) run.written = n;
    checkRun(run);
    await new Promise((r) => setImmediate(r));
  };
  if (Symbol.asyncIterator in source.rows)
    for await (const r of source.rows) {
      fn(r);
      if (++n % EXPORT_CHUNK === 0) await step();
    }
  else
    for (const r of source.rows) {
      fn(r);
      if (++n % EXPORT_CHUNK === 0) await step();
    }
  await step();
  return n;
}

/** Where an export's rows come from: the store's snapshot reader (db/export-source.ts). */
export type OpenExportSource = (kind: ExportKind) => ExportSource | Promise<ExportSource>;

/**
 * Writes the file. A cancelled run (or any failure) leaves no file behind: the half-written one is removed before the
 * refusal goes back.
 */
export async function writeExport(
  open: OpenExportSource,
  dir: string,
  id: string,
  kind: ExportKind,
  format: ExportFormat,
  settings: Settings,
  today: string,
  run?: ExportRun,
): Promise<ExportFile> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${id}.${format}`);
  const cols = columns(kind, settings, today);
  const source = await open(kind);
  let rows = 0;
  try {
    rows = format === 'csv' ? await writeCsv(source, run, path, cols) : await writeXlsx(source, run, path, cols, kind);
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  } finally {
    await source.close();
  }
  const stamp = today.replaceAll('-', '');
  return {
    path,
    filename: `${EXPORT_NAMES[kind]}-${stamp}.${format}`,
    mime: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows,
    size: statSync(path).size,
  };
}

async function writeCsv(source: ExportSource, run: ExportRun | undefined, path: string, cols: Column[]): Promise<number> {
  const fd = openSync(path, 'w');
  try {
    let chunk = `\uFEFF${cols.map((c) => csvField(c.header)).join(',')}\r\n`;
    const rows = await eachRow(source, run, (r) => {
      chunk += `${cols.map((c) => csvField(c.value(r))).join(',')}\r\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    });
    writeSync(fd, chunk);
    return rows;
  } finally {
    closeSync(fd);
  }
}

async function writeXlsx(
  source: ExportSource,
  run: ExportRun | undefined,
  path: string,
  cols: Column[],
  kind: ExportKind,
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(EXPORT_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width,
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  try {
    return await eachRow(source, run, (r) => {
      const values = cols.map((c) => {
        const v = c.value(r);
        if (v === null || typeof v === 'string' || typeof v === 'number') return v;
        return 'date' in v ? new Date(`${v.date}T00:00:00Z`) : wallClock(v.datetime);
      });
      sheet.addRow(values).commit();
    });
  } finally {
    // Closes the file whether or not the rows were all written (a cancelled one is then removed by the caller).
    sheet.commit();
    await book.commit();
  }
}

/** Exports are for downloading, not for keeping: files older than a day are removed when the next one is made. */
export function pruneExports(dir: string, now: Date, maxAgeMs = 24 * 3600_000): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (now.getTime() - statSync(p).mtimeMs > maxAgeMs) rmSync(p, { force: true });
  }
}
