/**
 * The dashboard's own figures as a file (issue 15 §12): the counts, working-day medians and 90th percentiles, the
 * bottleneck, overdue items and monthly throughput that `dashboard.get` answers, as numbers a spreadsheet can
 * compute with. XLSX holds one sheet per chart; CSV, being one table, holds one row per figure (chart, group,
 * measure, value). Headers and labels are Chinese, as in the other exports.
 */
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Dashboard } from '../../shared/contract/followup';
import type { Settings } from '../../shared/schemas/settings';
import type { UnitCode } from '../../shared/domain/units';
import { translate } from '../../shared/i18n';
import { csvField, type ExportFile, type ExportFormat } from './export';

type Value = string | number | null;
interface Sheet {
  name: string;
  headers: string[];
  rows: Value[][];
}

/** One sheet per chart of the dashboard, in the order the screen shows them. */
export function dashboardSheets(d: Dashboard, settings: Settings): Sheet[] {
  const unit = (u: UnitCode) => settings.units[u]?.nameZh ?? translate('zh-CN', `unit.${u}`);
  const zh = (key: string) => translate('zh-CN', key);
  return [
    { name: '各状态案件数', headers: ['状态', '案件数'], rows: d.byState.map((s) => [zh(`state.${s.state}`), s.n]) },
    {
      name: '各单位审查用时',
      headers: [
        '单位',
        '意见数',
        '中位数（工作日）',
        '90%分位（工作日）',
        '当前待审',
        '待审合计（工作日）',
        '待审中位数（工作日）',
        '最长等待（工作日）',
      ],
      rows: d.units.map((u) => [unit(u.unit), u.n, u.median, u.p90, u.waitingNow, u.waitingDays, u.waitingMedian, u.waitingMax]),
    },
    {
      name: '各环节用时',
      headers: ['环节', '完成数', '中位数（工作日）', '90%分位（工作日）'],
      rows: d.steps.map((s) => [zh(`dash.step.${s.step}`), s.n, s.median, s.p90]),
    },
    {
      name: '瓶颈',
      headers: ['单位', '依据', '中位数（工作日）', '当前待审', '待审合计（工作日）'],
      rows: d.bottleneck
        ? [
            [
              unit(d.bottleneck.unit),
              d.bottleneck.basis === 'waiting' ? '当前等待' : '已完成审查',
              d.bottleneck.median,
              d.bottleneck.waitingNow,
              d.bottleneck.waitingDays,
            ],
          ]
        : [],
    },
    { name: '各单位逾期事项', headers: ['单位', '逾期', '未办结'], rows: d.overdueByUnit.map((o) => [unit(o.unit), o.overdue, o.open]) },
    {
      name: '每月办理量',
      headers: ['月份', '提交', '受理决定', '发证'],
      rows: d.perMonth.map((m) => [m.month, m.submitted, m.accepted, m.registered]),
    },
  ];
}

export async function writeDashboardExport(
  d: Dashboard,
  settings: Settings,
  dir: string,
  id: string,
  format: ExportFormat,
): Promise<ExportFile> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${id}.${format}`);
  const sheets = dashboardSheets(d, settings);
  let rows = 0;
  if (format === 'csv') {
    let text = `\uFEFF${['图表', '分组', '指标', '数值'].map(csvField).join(',')}\r\n`;
    for (const s of sheets)
      for (const r of s.rows)
        for (let i = 1; i < s.headers.length; i++) {
          text += `${[s.name, r[0] ?? '', s.headers[i]!, r[i] ?? null].map(csvField).join(',')}\r\n`;
          rows++;
        }
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } else {
    const book = new ExcelJS.Workbook();
    book.title = `监督看板 ${d.fromMonth} 至 ${d.today}`;
    for (const s of sheets) {
      const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = s.headers.map((h, i) => ({ header: h, key: String(i), width: i === 0 ? 20 : Math.max(10, h.length * 2) }));
      sheet.getRow(1).font = { bold: true };
      for (const r of s.rows) sheet.addRow(r);
      rows += s.rows.length;
    }
    await book.xlsx.writeFile(path);
  }
  return {
    path,
    filename: `监督看板-${d.today.replaceAll('-', '')}.${format}`,
    mime: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows,
    size: statSync(path).size,
  };
}
