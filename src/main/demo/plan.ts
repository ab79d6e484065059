/** What the demo data set is: its accounts, the states its filings reach, and the shapes the stages share. */
import type { Channel, Input, Output } from '../../shared/contract';
import type { Actor } from '../../shared/contract/auth';
import type { Role, UnitCode } from '../../shared/domain/units';

export const DEMO_PASSWORD = 'demo-2026-desk';

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; unit: UnitCode | null }[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', unit: null },
  { username: 'clerk', displayName: '李静（窗口）', role: 'clerk', unit: 'sp' },
  { username: 'yj', displayName: '周明（应急）', role: 'reviewer', unit: 'yj' },
  { username: 'hb', displayName: '吴芳（环保）', role: 'reviewer', unit: 'hb' },
  { username: 'gh', displayName: '郑伟（规划）', role: 'reviewer', unit: 'gh' },
  { username: 'sp', displayName: '王磊（审批）', role: 'reviewer', unit: 'sp' },
  { username: 'yq', displayName: '冯强（园区）', role: 'reviewer', unit: 'yq' },
  { username: 'observer', displayName: '督查室（观察）', role: 'observer', unit: null },
];

/** One step of a demo filing's life, run through the real handlers as the right person at a simulated time. */
export interface DemoRunner {
  /** The moment the demo is loaded (the desk's clock): every demo date is counted from it. */
  now: Date;
  as(username: string): Actor;
  call<C extends Channel>(actor: Actor, channel: C, input: Input<C>, at: Date): Promise<Output<C>>;
}

/**
 * How a later area (review, certificates, meetings, follow-up) moves a demo filing further along its planned path;
 * the loader runs DEMO_STAGES in their listed order after acceptance.
 */
export type DemoStage = (runner: DemoRunner, filing: { id: number; index: number; target: string; at: Date }) => Promise<Date>;

/** Target states for the 30 demo filings: every state the desk knows, weighted like a real desk's year. */
export const DEMO_TARGETS = [
  'draft',
  'draft',
  'submitted',
  'submitted',
  'submitted',
  'correction_requested',
  'correction_requested',
  'not_accepted',
  'in_review',
  'in_review',
  'in_review:conditional',
  'in_review:conditional',
  'in_review:conditional',
  'supplement_requested',
  'supplement_requested',
  'rejected',
  'approved',
  'approved:conditional',
  'registered',
  'registered',
  'registered:conditional',
  'registered:conditional',
  'registered:conditional',
  'registered:overdue',
  'suspended',
  'revoked',
  'terminated',
  'closed',
  'in_review:conditional',
  'registered',
];

/** A tiny valid one-page PDF so demo attachments pass the content check and open in any viewer. */
export function demoPdfBase64(label: string): string {
  const text = label.replace(/[^A-Za-z0-9 ._-]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 14 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1').toString('base64');
}
