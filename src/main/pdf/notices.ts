import { chineseOrdinal, displayDate, pageOf } from './format';
import { SIZE, Sheet, type Cell } from './sheet';
import { layoutSignature, signatureBlock } from './signature';

/**
 * The notices a clerk prints (domain §5) and the joint-session minutes, on the same engine as the certificate:
 * title in bold 22 pt, body at 16 pt with two-character paragraph indents, issuer and date under the seal space.
 */

type Text = string;

export interface ConditionalNoticeData {
  filingNo: Text;
  applicantName: Text;
  projectName: Text;
  /** `provisional`: the deadline's year has no published holiday notice yet, so the date is marked (domain §7). */
  items: { name: Text; form: Text; dueDate: Text; provisional?: boolean }[];
  consequence: Text;
  issuer: Text;
  issueDate: Text;
}
export interface CorrectionNoticeData {
  filingNo: Text;
  applicantName: Text;
  projectName: Text;
  points: Text[];
  issuer: Text;
  issueDate: Text;
}
export interface SupplementNoticeData {
  filingNo: Text;
  applicantName: Text;
  projectName: Text;
  round: number;
  /** Each unit that asks for something: its opinion and its failed checklist items with the reviewer's note. */
  units: { unit: Text; opinion: Text; items: { text: Text; note: Text }[] }[];
  issuer: Text;
  issueDate: Text;
}
export interface RefusalNoticeData {
  kind: 'notAccepted' | 'rejected';
  filingNo: Text;
  applicantName: Text;
  projectName: Text;
  reasons: Text[];
  issuer: Text;
  issueDate: Text;
}
export interface MinutesData {
  title: Text;
  date: Text;
  time: Text;
  place: Text;
  host: Text;
  attendance: { unit: Text; people: Text }[];
  filings: {
    filingNo: Text;
    projectName: Text;
    applicantName: Text;
    decisions: { unit: Text; decision: Text; opinion: Text; by: Text }[];
    conditions: { text: Text; unit: Text; dueDate: Text; blocks: Text }[];
    nextSteps: Text;
  }[];
  issuer: Text;
  issueDate: Text;
}

export const BODY_LINE = 28.9; // 22 lines in the 225 mm block, as GB/T 9704 sets for body text
export const body = { indent: 2, lineHeight: BODY_LINE };
/** Room a heading keeps with a table after it: the table's head row and the first line of its first row. */
const KEEP_TABLE = 2 * BODY_LINE;

export function heading(sheet: Sheet, title: string, reference: string | null): void {
  sheet.paragraph(title, { size: SIZE.title, weight: 'bold', align: 'center', lineHeight: 36, after: reference ? 0 : 12 });
  if (reference) sheet.paragraph(reference, { align: 'center', lineHeight: BODY_LINE, after: 8 });
}

/**
 * The last paragraph, then issuer and date under the seal space. The paragraph is kept with the signature so the
 * seal never stands alone on a page (GB/T 9704 forbids a signature page without body text).
 */
export function closing(sheet: Sheet, lastParagraph: string, issuer: string, issueDate: string): void {
  const signature = layoutSignature(sheet, issuer, issueDate, 130);
  sheet.paragraph(lastParagraph, { ...body, keepWithNext: 10 + signature.height });
  sheet.gap(10);
  sheet.ensure(signature.height);
  signatureBlock(sheet, signature);
}

/** Footer for a document whose copies each number their own pages. */
export function footers(sheet: Sheet, reference: string, copyStarts: number[]): void {
  sheet.footer((i) => {
    const start = Math.max(...copyStarts.filter((s) => s <= i));
    const next = copyStarts.find((s) => s > i) ?? sheet.pages.length;
    return { left: reference, right: pageOf(i - start + 1, next - start) };
  });
}

const itemsTable = (items: ConditionalNoticeData['items']): Cell[][] =>
  items.map((item, i) => [
    { text: String(i + 1), align: 'center' },
    { text: item.name },
    { text: item.form },
    { text: `${displayDate(item.dueDate)}${item.provisional ? '（暂定）' : ''}`, align: 'center' },
  ]);

/** 容缺受理通知书: two copies in one PDF, 第一联 申请人留存 and 第二联 存档, each starting on its own page. */
export async function renderConditionalNotice(d: ConditionalNoticeData): Promise<Uint8Array> {
  const sheet = await Sheet.create({ title: `容缺受理通知书 ${d.filingNo}` });
  const starts: number[] = [];
  ['第一联　申请人留存', '第二联　存档'].forEach((copy, n) => {
    if (n > 0) sheet.newPage();
    starts.push(sheet.pages.length - 1);
    sheet.paragraph(copy, { size: SIZE.cell, align: 'right', lineHeight: 18 });
    heading(sheet, '容缺受理通知书', `受理编号：${d.filingNo}`);
    sheet.paragraph(`${d.applicantName}：`, { lineHeight: BODY_LINE });
    sheet.paragraph(
      `你单位申请登记备案的“${d.projectName}”化工中试项目，经审查，核心材料齐全，所缺材料均属可容缺材料，且你单位已签署承诺书。根据容缺受理有关规定，本机关决定予以容缺受理，并启动联合审查。请你单位在下列期限内补齐以下材料：`,
      body,
    );
    sheet.gap(6);
    sheet.table([12, 48, 60, 40], itemsTable(d.items), {
      header: [
        { text: '序号', weight: 'bold', align: 'center' },
        { text: '材料名称', weight: 'bold', align: 'center' },
        { text: '提交形式', weight: 'bold', align: 'center' },
        { text: '补齐期限', weight: 'bold', align: 'center' },
      ],
    });
    sheet.gap(8);
    closing(sheet, d.consequence, d.issuer, d.issueDate);
  });
  footers(sheet, `受理编号：${d.filingNo}`, starts);
  return sheet.save();
}

/** 补正材料一次性告知书: everything to correct, at once. */
export async function renderCorrectionNotice(d: CorrectionNoticeData): Promise<Uint8Array> {
  const sheet = await Sheet.create({ title: `补正材料一次性告知书 ${d.filingNo}` });
  heading(sheet, '补正材料一次性告知书', `受理编号：${d.filingNo}`);
  sheet.paragraph(`${d.applicantName}：`, { lineHeight: BODY_LINE });
  sheet.paragraph(
    `你单位申请登记备案的“${d.projectName}”化工中试项目，经审查，申请材料需要补正。现将需要补正的全部内容一次性告知如下：`,
    body,
  );
  d.points.forEach((point, i) => sheet.paragraph(`${i + 1}．${point}`, body));
  closing(sheet, '请你单位按照上述要求补正全部材料后重新提交。补正材料齐全、符合要求的，本机关将予以受理。', d.issuer, d.issueDate);
  footers(sheet, `受理编号：${d.filingNo}`, [0]);
  return sheet.save();
}

/** 一次性补正告知书 after a review round ended in revise: everything every unit asks for, with the reviewers' notes. */
export async function renderSupplementNotice(d: SupplementNoticeData): Promise<Uint8Array> {
  const sheet = await Sheet.create({ title: `一次性补正告知书 ${d.filingNo}` });
  heading(sheet, '一次性补正告知书', `受理编号：${d.filingNo}`);
  sheet.paragraph(`${d.applicantName}：`, { lineHeight: BODY_LINE });
  sheet.paragraph(
    `你单位申请登记备案的“${d.projectName}”化工中试项目，经第${chineseOrdinal(d.round)}轮联合审查，需要补正。现将各审查单位要求补正的全部内容一次性告知如下：`,
    body,
  );
  d.units.forEach((u, n) => {
    sheet.paragraph(`（${chineseOrdinal(n + 1)}）${u.unit}`, { ...body, weight: 'bold', keepWithNext: BODY_LINE });
    if (u.opinion) sheet.paragraph(`审查意见：${u.opinion}`, body);
    u.items.forEach((item, i) => sheet.paragraph(`${i + 1}．${item.text}${item.note ? `：${item.note}` : ''}`, body));
  });
  closing(
    sheet,
    '请你单位按照上述要求一次补齐全部内容后提交本机关。补正期间审查期限暂停计算，自补正材料提交之日起恢复计算。',
    d.issuer,
    d.issueDate,
  );
  footers(sheet, `受理编号：${d.filingNo}`, [0]);
  return sheet.save();
}

/** 不予受理通知书 (at acceptance) or 不予通过通知书 (after joint review), with the reasons and the remedy. */
export async function renderRefusalNotice(d: RefusalNoticeData): Promise<Uint8Array> {
  const title = d.kind === 'notAccepted' ? '不予受理通知书' : '不予通过通知书';
  const decided = d.kind === 'notAccepted' ? '经审查' : '经联合审查';
  const decision = d.kind === 'notAccepted' ? '不予受理' : '不予通过登记备案';
  const sheet = await Sheet.create({ title: `${title} ${d.filingNo}` });
  heading(sheet, title, `受理编号：${d.filingNo}`);
  sheet.paragraph(`${d.applicantName}：`, { lineHeight: BODY_LINE });
  sheet.paragraph(`你单位申请登记备案的“${d.projectName}”化工中试项目，${decided}，因下列原因，本机关决定${decision}：`, body);
  d.reasons.forEach((reason, i) => sheet.paragraph(`${i + 1}．${reason}`, body));
  closing(
    sheet,
    '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。',
    d.issuer,
    d.issueDate,
  );
  footers(sheet, `受理编号：${d.filingNo}`, [0]);
  return sheet.save();
}

const BLOCKS: Record<string, string> = { notice: '仅告知', hold: '限制试运行', lock: '暂缓登记' };

/** A meeting's minutes open alike (joint review or problem assignment): title, when, where, who chaired, who attended. */
export async function minutesSheet(d: {
  title: string;
  date: string;
  time: string;
  place: string;
  host: string;
  attendance: [attendee: string, people: string][];
}): Promise<Sheet> {
  const sheet = await Sheet.create({ title: d.title });
  heading(sheet, d.title, null);
  const meta = (label: string, value: string) => sheet.paragraph(`${label}：${value}`, { lineHeight: BODY_LINE });
  meta('时间', `${displayDate(d.date)} ${d.time}`);
  meta('地点', d.place);
  meta('主持', d.host);
  meta('参会单位及人员', '');
  sheet.table(
    [40, 116],
    d.attendance.map(([who, people]) => [{ text: who, weight: 'bold', align: 'center' }, { text: people }]),
    { size: SIZE.cell },
  );
  sheet.gap(8);
  return sheet;
}

/** 联合审查会议纪要: who met, and for each filing every unit's decision, the conditions and the next steps. */
export async function renderMinutes(d: MinutesData): Promise<Uint8Array> {
  const sheet = await minutesSheet({ ...d, attendance: d.attendance.map((a) => [a.unit, a.people]) });
  sheet.paragraph(`会议对以下${d.filings.length}个化工中试项目登记备案申请进行了联合审查。现纪要如下：`, body);

  d.filings.forEach((f, n) => {
    sheet.gap(4);
    sheet.ensure(BODY_LINE * 4);
    sheet.paragraph(`${chineseOrdinal(n + 1)}、${f.projectName}（${f.filingNo}）`, { weight: 'bold', lineHeight: BODY_LINE });
    sheet.paragraph(`申请单位：${f.applicantName}`, body);
    // Headings keep with what follows them: a table's head and first row, or the first line of text (GB/T 9704).
    sheet.paragraph('（一）各单位审查意见', { ...body, weight: 'bold', keepWithNext: KEEP_TABLE });
    sheet.table(
      [38, 26, 64, 28],
      f.decisions.map((x) => [
        { text: x.unit, align: 'center' },
        { text: x.decision, align: 'center' },
        { text: x.opinion || '—' },
        { text: x.by, align: 'center' },
      ]),
      { header: ['单位', '结论', '意见', '确认人'].map((text) => ({ text, weight: 'bold', align: 'center' }) as Cell) },
    );
    sheet.paragraph('（二）审查条件', {
      ...body,
      weight: 'bold',
      before: 4,
      keepWithNext: f.conditions.length ? KEEP_TABLE : BODY_LINE,
    });
    if (f.conditions.length === 0) sheet.paragraph('无。', body);
    else
      sheet.table(
        [13, 55, 30, 38, 32],
        f.conditions.map((c, i) => [
          { text: String(i + 1), align: 'center' },
          { text: c.text },
          { text: c.unit, align: 'center' },
          { text: displayDate(c.dueDate), align: 'center' },
          { text: BLOCKS[c.blocks] ?? c.blocks, align: 'center' },
        ]),
        { header: ['序号', '条件', '核查单位', '期限', '限制'].map((text) => ({ text, weight: 'bold', align: 'center' }) as Cell) },
      );
    // The last project's next steps end the minutes: their last two lines go with the signature, so the heading too.
    const last = n === d.filings.length - 1;
    const keep = last ? 2 * BODY_LINE + 10 + layoutSignature(sheet, d.issuer, d.issueDate, 130).height : BODY_LINE;
    sheet.paragraph('（三）下一步工作', { ...body, weight: 'bold', before: 4, keepWithNext: keep });
    if (!last) sheet.paragraph(f.nextSteps || '无。', body);
    else closing(sheet, f.nextSteps || '无。', d.issuer, d.issueDate);
  });
  if (d.filings.length === 0) closing(sheet, '本次会议未审查项目。', d.issuer, d.issueDate);
  footers(sheet, d.title, [0]);
  return sheet.save();
}
