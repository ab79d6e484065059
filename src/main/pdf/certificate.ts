import { printable } from './fonts';
import { displayDate, numbered, pageOf, quantity, sentence } from './format';
import { drawQr } from './qr';
import { BLOCK, MM, SIZE, Sheet, type Cell, type DrawnLine } from './sheet';
import { layoutSignature, signatureBlock, type SignatureLayout } from './signature';

/** Everything printed on a registration certificate (登记备案证明), domain §8. Strings are printed as given. */
export interface CertificateDoc {
  number: string;
  titleZh: string;
  projectName: string;
  applicantName: string;
  creditCode: string;
  legalRepresentative: string;
  parkName: string;
  baseName: string;
  bay: string;
  products: { name: string; cas: string }[];
  routeSummary: string;
  processes: string[];
  chemicals: { name: string; cas: string; maxInProcessT: number | null; maxStoredT: number | null }[];
  scale: { batchKg: number | null; throughputTpa: number | null; largestReactorM3: number | null };
  runFrom: string;
  runTo: string;
  extension: { to: string } | null;
  conclusions: { unitName: string; decision: string; opinion: string }[];
  /** `provisional`: the due date falls in a year without the State Council's holiday notice (domain §7), so it is marked. */
  openItems: { text: string; verifyingUnit: string; dueDate: string; kind: string; provisional?: true }[];
  prohibitions: string[];
  issuer: string;
  issueDate: string;
  qrText: string;
  verificationCode: string;
  auditHead: string;
  replaces: string | null;
}

export const DEFAULT_PROHIBITIONS = ['不得开展工业化生产；试验期满应拆除或封存并报告'];

export interface RenderOptions {
  /** Receives every drawn line with its position (tests use it to find glyphs on the rendered page). */
  trace?: DrawnLine[];
  /** Receives where the QR code was drawn (page index and box in points). */
  qrBox?: { page: number; x: number; y: number; size: number };
  /** Receives where the seal's room is (page index, centre and radius in points): blank on the issued file. */
  seal?: { page: number; x: number; y: number; radius: number };
  /** A preview (never the issued file) marks the seal space; the issued PDF leaves it blank for the stamp. */
  preview?: boolean;
}

/** Every string the document draws, for choosing the faces to embed. */
export const allText = (d: CertificateDoc): string =>
  certificateRows(d).flat().join('\n') + [d.titleZh, d.number, d.issuer, d.replaces ?? '', d.verificationCode, d.auditHead].join('\n');

/** GB/T 15834 quotation marks: “ ” and ‘ ’ (corner brackets are not used in simplified Chinese print). */
export const quotes = (text: string): string => text.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');

const withCas = (name: string, cas: string) => (cas.trim() ? `${name}（CAS\u00a0${cas}）` : name);

/** The certificate's ruled table: label and text of each row, exactly as printed (the benchmark's HTML uses it too). */
export function certificateRows(d: CertificateDoc): [string, string][] {
  const chemicals = d.chemicals.map(
    (c) => `${withCas(c.name, c.cas)}：在线最大量 ${quantity(c.maxInProcessT, 't')}，最大储存量 ${quantity(c.maxStoredT, 't')}`,
  );
  const scale = [
    `单批投料量 ${quantity(d.scale.batchKg, 'kg')}`,
    `设计处理能力 ${quantity(d.scale.throughputTpa, 't/a')}`,
    `最大反应器容积 ${quantity(d.scale.largestReactorM3, 'm³')}`,
  ].join('；');
  const period =
    `${displayDate(d.runFrom)}至${displayDate(d.runTo)}` + (d.extension ? `（经批准延期至${displayDate(d.extension.to)}）` : '');
  // Units without an opinion share lines ("…：通过；…：通过"); an opinion gets its own line.
  const conclusions: string[] = [];
  let plain: string[] = [];
  for (const c of d.conclusions) {
    if (c.opinion.trim()) {
      if (plain.length) conclusions.push(plain.join('；'));
      plain = [];
      conclusions.push(sentence(`${c.unitName}：${c.decision}`, c.opinion));
    } else plain.push(`${c.unitName}：${c.decision}`);
  }
  if (plain.length) conclusions.push(plain.join('；'));
  const open = d.openItems.map(
    (o) => `${quotes(o.text)}（${o.kind}，${o.verifyingUnit}核查，${displayDate(o.dueDate)}${o.provisional ? '（暂定）' : ''}前完成）`,
  );
  const prohibitions = d.prohibitions.length ? d.prohibitions : DEFAULT_PROHIBITIONS;
  return [
    ['项目名称', d.projectName],
    ['中试单位', d.applicantName],
    ['统一社会信用代码', d.creditCode],
    ['法定代表人', d.legalRepresentative],
    ['所在化工园区', d.parkName],
    ['中试基地', d.baseName],
    ['楼栋（区位）', d.bay],
    ['产品', d.products.map((p) => withCas(p.name, p.cas)).join('；') || '—'],
    ['工艺路线', d.routeSummary || '—'],
    ['重点监管危险化工工艺', d.processes.join('、') || '不涉及'],
    ['危险化学品', chemicals.join('\n') || '—'],
    ['中试规模', scale],
    ['试验期限', period],
    ['联合审查结论', conclusions.join('\n') || '—'],
    ['待落实事项', numbered(open)],
    ['禁止性要求', numbered(prohibitions)],
  ];
}

// Rows printed side by side (label, value, label, value): short facts, so a typical certificate fits one page. The
// first label of each pair is no wider than the labels of the full rows, so the label column lines up down the table.
const PAIRED: [string, string][] = [
  ['法定代表人', '统一社会信用代码'],
  ['所在化工园区', '中试基地'],
  ['楼栋（区位）', '重点监管危险化工工艺'],
];

// White inside a cell: 2 pt left and right of the text, 1.5 pt above and below (the line's own leading adds 1 pt).
const CELL_PAD = { x: 2, y: 1.5 };
// Labels a size below the facts (五号 under 小四): still easily read, and ten points more for every line of facts.
const LABEL_SIZE = SIZE.footer;

/**
 * The table's rows: most a label and its text, the short pairs above on one row. Columns are measured from the
 * content: the label column is as wide as its widest label, so no label wraps (a wrapped label costs its row a line)
 * and the facts get every point left; a paired row divides its own width so that both facts fit on one line when
 * they can (an unbroken code such as the credit code is then never split).
 */
function tableRows(sheet: Sheet, d: CertificateDoc): { rows: Cell[][]; columns: number[] } {
  const rows = certificateRows(d);
  const full = BLOCK.width - 1; // the table's width inside its 0.5 pt inset
  // A cell's width for its text on one line: the text, the white either side, and 1.5 pt of air more each side.
  const widest = (text: string, size: number) =>
    Math.max(
      ...printable(text)
        .split('\n')
        .map((t) => sheet.width(t, 'regular', size)),
    );
  const room = (text: string, size: number) => Math.ceil(widest(text, size) + 2 * CELL_PAD.x + 3);
  const label = Math.max(...rows.filter(([l]) => !PAIRED.some(([, b]) => b === l)).map(([l]) => room(l, LABEL_SIZE)));
  const head = (text: string, width?: number): Cell => ({ text, align: 'center', size: LABEL_SIZE, width });
  const out: Cell[][] = [];
  for (const [name, value] of rows) {
    const pair = PAIRED.find(([a]) => a === name);
    if (PAIRED.some(([, b]) => b === name)) continue;
    if (!pair) {
      out.push([head(name), { text: value }]);
      continue;
    }
    const other = rows.find(([l]) => l === pair[1])!;
    const second = room(other[0], LABEL_SIZE);
    const [left, right] = split(full - label - second, room(value, SIZE.cell), room(other[1], SIZE.cell));
    out.push([head(name, label), { text: value, width: left }, head(other[0], second), { text: other[1], width: right }]);
  }
  return { rows: out, columns: [label, full - label] };
}

/** Divides `rest` between two facts needing `a` and `b` points on one line: both when they fit, else the one that can. */
function split(rest: number, a: number, b: number): [number, number] {
  if (a + b <= rest) {
    const left = a + (rest - a - b) / 2;
    return [left, rest - left];
  }
  if (a <= rest / 2) return [a, rest - a];
  if (b <= rest / 2) return [rest - b, b];
  return [rest / 2, rest / 2];
}

export async function renderCertificate(doc: CertificateDoc, options: RenderOptions = {}): Promise<Uint8Array> {
  const sheet = await Sheet.create({
    title: `${doc.titleZh} ${doc.number}`,
    subject: `${doc.titleZh}：${doc.projectName}（${doc.applicantName}）`,
    text: allText(doc),
    continuationHead: `${doc.titleZh}（续） ${doc.number}`,
    trace: options.trace,
  });

  sheet.paragraph(doc.titleZh, { size: SIZE.title, weight: 'bold', align: 'center', lineHeight: 28 });
  sheet.paragraph(doc.number, { size: SIZE.body, align: 'center', lineHeight: 20 });
  if (doc.replaces) sheet.paragraph(`（本证明替代${doc.replaces}）`, { size: SIZE.cell, align: 'center', lineHeight: 18 });
  sheet.gap(4);

  // Labels in the regular face: the bold subset then carries only the title, which keeps the file small.
  // Facts at 12 pt on 14 pt lines, labels at 10.5 pt (domain §8 allows 12–14 pt for a ruled table so that one page
  // holds it; the labels are the table's furniture, like its rules).
  const signature = layoutSignature(sheet, doc.issuer, doc.issueDate, 0);
  const verification = verificationLines(sheet, doc, signature);
  const { before, line, quiet } = CLOSING;
  const below = verification.below ? verification.height + 8 : 0;
  const closingHeight = before + line + Math.max(signature.height - line, quiet + QR_SIZE) + below + 2;
  const { rows, columns } = tableRows(sheet, doc);
  sheet.table(columns, rows, { size: SIZE.cell, lineHeight: 14, pad: CELL_PAD.y, padX: CELL_PAD.x, keepLastWith: closingHeight });

  closing(sheet, doc, signature, verification, closingHeight, options);
  sheet.footer((i, count) => ({ left: doc.number, right: pageOf(i + 1, count) }));
  return sheet.save();
}

const QR_SIZE = 32 * MM;
/**
 * The closing band's rhythm: white above "特此证明", its line, and white between that line and the code (with the
 * half-line under the words, more than the code's 4-module quiet zone). The seal's 42 mm room starts beside
 * "特此证明", so the band is never shorter than the seal: these few points are all the closing can give.
 */
const CLOSING = { before: 2, line: 22, quiet: 4 };

/**
 * The verification text, broken into lines for the room between the code and the seal; when it does not fit there
 * (a long issuer name narrows the room), it is printed whole under the band at the block's width instead — never cut.
 */
function verificationLines(sheet: Sheet, doc: CertificateDoc, signature: SignatureLayout): VerificationText {
  const textX = BLOCK.left + QR_SIZE + 8;
  const issuerWidth = Math.max(...signature.lines.map((l) => sheet.width(l, 'regular', SIZE.body)));
  const room = signature.centre - Math.max(signature.radius, issuerWidth / 2) - 8 - textX;
  const parts: [string, number][] = [
    // At 五号, so the code's line fits beside the code for an issuer name up to about twelve characters: at 11.5 pt it
    // wrapped and pushed the whole text under the band, which cost a typical certificate its one page.
    [`核验码：${doc.verificationCode}`, SIZE.footer],
    ['扫描二维码，或输入证明编号和核验码，核验本证明的真实性和有效状态。', SIZE.small],
    [`登记记录审计链摘要：${doc.auditHead}`, SIZE.small - 2],
  ];
  const layout = (width: number) => {
    const lines = parts.flatMap(([text, size]) => sheet.lines(printable(text), width, 'regular', size).map((line) => ({ line, size })));
    // From the first baseline (a footer size below the top) to the last line's descent.
    const height = SIZE.footer + lines.slice(1).reduce((h, l) => h + l.size * 1.45, 0) + (lines.at(-1)?.size ?? 0) * 0.3;
    return { lines, height };
  };
  const beside = room >= 30 * MM ? layout(room) : null;
  if (beside && beside.height <= QR_SIZE) return { x: textX, below: false, ...beside };
  return { x: BLOCK.left, below: true, ...layout(BLOCK.width) };
}

interface VerificationText {
  x: number;
  /** Printed under the code's band instead of beside the code. */
  below: boolean;
  lines: { line: string; size: number }[];
  height: number;
}

/**
 * "特此证明", then one band: the 2-D code with its verification text at the left, the issuer and date at the right
 * with the seal's room around them (GB/T 9704: the seal presses on issuer and date). Side by side, so the closing
 * costs one band, not two. The band is as tall as the code or the text, whichever is taller: no line of the
 * verification text (the audit head above all) is ever left out.
 */
function closing(
  sheet: Sheet,
  doc: CertificateDoc,
  signature: SignatureLayout,
  text: VerificationText,
  height: number,
  options: RenderOptions,
): void {
  sheet.ensure(height);
  sheet.paragraph('特此证明。', { indent: 2, lineHeight: CLOSING.line, before: CLOSING.before });
  const top = sheet.y;
  const page = sheet.page;
  const x = BLOCK.left;
  const y = top - CLOSING.quiet - QR_SIZE;
  drawQr(page, doc.qrText, x, y, QR_SIZE);
  options.qrBox = Object.assign(options.qrBox ?? {}, { page: sheet.pages.length - 1, x, y, size: QR_SIZE });

  // Verification text between the code and the seal's room, or under the band (drawn after the seal's block).
  const drawText = (top: number) => {
    let baseline = top - SIZE.footer;
    for (const { line, size } of text.lines) {
      sheet.drawLine(line, text.x, baseline, size, 'regular');
      baseline -= size * 1.45;
    }
  };
  if (!text.below) drawText(top - CLOSING.quiet);

  // The seal's room starts beside "特此证明" (which sits at the left), so the seal overlaps issuer and date only.
  sheet.y = top + CLOSING.line;
  const seal = signatureBlock(sheet, signature, { mark: options.preview === true });
  options.seal = Object.assign(options.seal ?? {}, { page: sheet.pages.length - 1, ...seal });
  sheet.y = Math.min(sheet.y, y - 2);
  if (text.below) {
    drawText(sheet.y - 6);
    sheet.y -= 6 + text.height + 2;
  }
}
