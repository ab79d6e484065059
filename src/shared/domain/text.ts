/**
 * Text hygiene (domain §4): NFC, no control characters, no bidirectional overrides or isolates.
 * Bidi controls can reorder a printed name, so they are refused rather than stripped.
 */
export const LIMITS = { name: 200, opinion: 2000, freeText: 20000 } as const;

// C0/C1 controls except TAB/LF/CR (allowed only in multi-line fields), plus bidi embeddings,
// overrides (U+202A–202E), isolates (U+2066–2069), and the LRM/RLM/ALM marks which can reorder text.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Unpaired surrogates cannot be printed or stored faithfully.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'bidi' | 'control' | 'surrogate';

export function textProblem(value: string, multiline: boolean): TextProblem | null {
  if (BIDI.test(value)) return 'bidi';
  if ((multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return 'control';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Length in user-perceived units close enough for caps: code points, not UTF-16 units. */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}
