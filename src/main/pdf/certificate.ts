import { rgb } from 'pdf-lib';
import { printable } from './fonts';
import { displayDate, numbered, pageOf, quantity, sentence } from './format';
import { drawQr } from './qr';
import { BLOCK, MM, SIZE, Sheet, type Cell, type DrawnLine } from './sheet';
import { layoutSignature, signatureBlock } from './signature';

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
  openItems: { text: string; verifyingUnit: string; dueDate: string; kind: string }[];
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
  const conclusions = d.conclusions.map((c) => sentence(`${c.unitName}：${c.decision}`, c.opinion));
  const open = d.openItems.map((o) => `${quotes(o.text)}（${o.kind}；核查单位：${o.verifyingUnit}；完成期限：${displayDate(o.dueDate)}）`);
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

export async function renderCertificate(doc: CertificateDoc, options: RenderOptions = {}): Promise<Uint8Array> {
  const sheet = await Sheet.create({
    title: `${doc.titleZh} ${doc.number}`,
    subject: `${doc.titleZh}：${doc.projectName}（${doc.applicantName}）`,
    text: allText(doc),
    trace: options.trace,
  });

  sheet.paragraph(doc.titleZh, { size: SIZE.title, weight: 'bold', align: 'center', lineHeight: 36 });
  sheet.paragraph(doc.number, { size: SIZE.body, align: 'center', lineHeight: 28 });
  if (doc.replaces) sheet.paragraph(`（本证明替代${doc.replaces}）`, { size: SIZE.cell, align: 'center', lineHeight: 20 });
  sheet.gap(8);

  // Labels in the regular face: the bold subset then carries only the title, which keeps the file small.
  const table: Cell[][] = certificateRows(doc).map(([label, value]) => [{ text: label, align: 'center' }, { text: value }]);
  sheet.table([40, 116], table, { size: SIZE.cell, lineHeight: 19, pad: 5 });

  closing(sheet, doc, options);
  sheet.footer((i, count) => ({ left: doc.number, right: pageOf(i + 1, count) }));
  return sheet.save();
}

/** "特此证明", issuer and date under the seal space, then the QR code with its verification code and the audit head. */
function closing(sheet: Sheet, doc: CertificateDoc, options: RenderOptions): void {
  const qrSize = 30 * MM;
  const qrBand = qrSize + 14;
  const signature = layoutSignature(sheet, doc.issuer, doc.issueDate, 140);
  sheet.ensure(36 + signature.height + qrBand);
  sheet.paragraph('特此证明。', { indent: 2, lineHeight: 30, before: 6 });
  signatureBlock(sheet, signature, { mark: options.preview === true });

  // QR band: code at the left edge, verification text to its right, all above the footer band.
  const rule = sheet.y - 2;
  const top = rule - 8; // the rule stays outside the code's quiet zone
  const page = sheet.page;
  const x = BLOCK.left;
  const y = top - qrSize;
  drawQr(page, doc.qrText, x, y, qrSize);
  options.qrBox = Object.assign(options.qrBox ?? {}, { page: sheet.pages.length - 1, x, y, size: qrSize });

  const textX = x + qrSize + 10;
  const width = BLOCK.right - textX;
  let baseline = top - SIZE.footer * 1.2;
  const write = (text: string, size: number, weight: 'regular' | 'bold' = 'regular') => {
    for (const line of sheet.lines(printable(text), width, weight, size)) {
      if (baseline - size * 0.3 < y) return; // the band is as tall as the code; never spill below it
      sheet.drawLine(line, textX, baseline, size, weight);
      baseline -= size * 1.5;
    }
  };
  write(`核验码：${doc.verificationCode}`, SIZE.footer + 1.5);
  write('扫描二维码，或在登记备案系统中输入证明编号和核验码，可核验本证明的真实性和有效状态。', SIZE.small);
  write(`登记记录审计链摘要：${doc.auditHead}`, SIZE.small - 1.5);
  page.drawLine({ start: { x: BLOCK.left, y: rule }, end: { x: BLOCK.right, y: rule }, thickness: 0.4, color: rgb(0.45, 0.45, 0.45) });
  sheet.y = y - 4;
}
