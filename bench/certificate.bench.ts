/**
 * Certificate generation: pdf-lib engine vs the same certificate as HTML printed by headless Chromium (page.pdf()).
 * Targets: ≥ 3× faster, ≥ 5× smaller, < 150 ms, < 150 KB; verification < 20 ms. Prints figures and writes
 * bench/RESULTS-certificate.md. Run: npx tsx bench/certificate.bench.ts (or npm run bench -- certificate).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import QRCode from 'qrcode';
import { loadOrCreateKeys, recordHash, signCertificate, verifyQrText } from '../src/main/crypto/signing';
import { certificateRows, renderCertificate, type CertificateDoc } from '../src/main/pdf/certificate';
import { sampleCertificate } from '../test/unit/pdf-fixtures';
import { machine, ms, summary } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const keys = loadOrCreateKeys(mkdtempSync(join(tmpdir(), 'bench-cert-')));
const signed = signCertificate(keys, {
  number: '滨海化中试备〔2026〕1号',
  recordHash: recordHash('{"filing":1}'),
  issuedAt: '2026-11-26T08:30:00.000Z',
});
const doc: CertificateDoc = { ...sampleCertificate(), ...signed };

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

async function html(d: CertificateDoc): Promise<string> {
  const qr = await QRCode.toString(d.qrText, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  // The same rows the engine prints, so both documents carry exactly the same text.
  const rows = certificateRows(d);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: 'Noto Serif CJK SC', 'Noto Serif SC', serif; font-size: 12pt; margin: 0; }
h1 { font-size: 22pt; text-align: center; margin: 0 0 4pt; } .no { text-align: center; font-size: 16pt; margin-bottom: 8pt; }
table { width: 100%; border-collapse: collapse; } td { border: 0.6pt solid #000; padding: 5pt; line-height: 1.6; vertical-align: top; }
td.l { width: 40mm; text-align: center; font-weight: bold; } .sign { text-align: right; font-size: 16pt; margin: 24pt 4em 0 0; }
.qr { display: flex; gap: 10pt; margin-top: 16pt; font-size: 9pt; } .qr svg { width: 30mm; height: 30mm; }
</style></head><body><h1>${esc(d.titleZh)}</h1><div class="no">${esc(d.number)}</div><table>
${rows.map(([l, v]) => `<tr><td class="l">${esc(l)}</td><td>${esc(v)}</td></tr>`).join('')}</table>
<p style="font-size:16pt;text-indent:2em">特此证明。</p><div class="sign">${esc(d.issuer)}<br>${esc(d.issueDate)}</div>
<div class="qr">${qr}<div><b>核验码：${esc(d.verificationCode)}</b><br>扫描二维码，或在登记备案系统中输入证明编号和核验码核验。<br>登记记录审计链摘要：${esc(d.auditHead)}</div></div>
</body></html>`;
}

async function main() {
  console.log(`machine: ${machine()}`);

  // pdf-lib engine: the first render loads and parses the fonts; "warm" is every render after it.
  const t0 = performance.now();
  let bytes = await renderCertificate(doc);
  const cold = performance.now() - t0;
  for (let i = 0; i < 3; i++) await renderCertificate(doc);
  const engine: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    bytes = await renderCertificate(doc);
    engine.push(performance.now() - t);
  }

  // Chromium: launched once (not counted), then setContent + page.pdf per certificate, warm.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage();
  const markup = await html(doc);
  let chromePdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 3; i++) {
    await page.setContent(markup);
    chromePdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  }
  const chrome: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await page.setContent(markup);
    chromePdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    chrome.push(performance.now() - t);
  }
  await browser.close();

  const trusted = [{ keyId: keys.keyId, publicKeyPem: keys.publicKeyPem }];
  const verify: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const r = verifyQrText(doc.qrText, trusted);
    verify.push(performance.now() - t);
    if (!r.ok) throw new Error('verification failed');
  }

  const e = summary(engine);
  const c = summary(chrome);
  const v = summary(verify);
  const speed = c.p50 / e.p50;
  const smaller = chromePdf.length / bytes.length;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines = [
    `| measure | pdf-lib engine | Chromium page.pdf() | target |`,
    `|---|---|---|---|`,
    `| warm generation p50 / p95 | ${ms(e.p50)} / ${ms(e.p95)} | ${ms(c.p50)} / ${ms(c.p95)} | < 150 ms at p50 (${verdict(e.p50 < 150)}); ≥ 3× faster: ${speed.toFixed(1)}× (${verdict(speed >= 3)}) |`,
    `| first render (font load + parse) | ${ms(cold)} | (browser launch not counted) | – |`,
    `| size | ${kb(bytes.length)} | ${kb(chromePdf.length)} | < 150 KB (${verdict(bytes.length < 150 * 1024)}); ≥ 5× smaller: ${smaller.toFixed(1)}× (${verdict(smaller >= 5)}) |`,
    `| QR verification p50 / p95 / max | ${ms(v.p50)} / ${ms(v.p95)} / ${ms(v.max)} | – | < 20 ms at p95 (${verdict(v.p95 < 20)}) |`,
  ];
  console.log(lines.join('\n'));

  const report = `# Certificate generation benchmark

Written by \`bench/certificate.bench.ts\` (\`npx tsx bench/certificate.bench.ts\`); figures from the last run.

- machine: ${machine()}
- date: ${new Date().toISOString()}; load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}
  (the machine is shared with other work; timings under load are higher than on an idle machine)
- document: the sample certificate of \`test/unit/pdf-fixtures.ts\` (2 pages, signed QR code), ${RUNS} warm runs each
- Chromium: \`/usr/bin/chromium\` via @playwright/test, launched once; each run is \`setContent\` + \`page.pdf()\` of
  equivalent HTML (same fields, Noto Serif CJK SC system font, QR as inline SVG)

${lines.join('\n')}
`;
  writeFileSync(join(__dirname, 'RESULTS-certificate.md'), report);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
