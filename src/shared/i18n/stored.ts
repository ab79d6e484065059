/**
 * Texts the desk composes itself (a tracked item's title, an escalation's reason, a run-period extension) are stored
 * as a message key with its parameters, not as Chinese prose, so every reader sees them in their own language
 * (domain: "every message in both zh-CN and en"). The stored form starts with a control character, which no typed
 * text can contain (input rules refuse control characters), so a reviewer's own words are never mistaken for one.
 * Rows written before this change hold plain Chinese and are shown as they are.
 */
import { translate, type Lang } from './index';

const MARK = '\u0001msg';

export type StoredParams = Record<string, string | number>;

export function storedMessage(key: string, params: StoredParams = {}): string {
  return `${MARK}${JSON.stringify({ key, params })}`;
}

export const isStoredMessage = (text: string): boolean => text.startsWith(MARK);

/** The text in the reader's language; plain (older, or typed) text unchanged. */
export function renderStored(lang: Lang, text: string): string {
  if (!isStoredMessage(text)) return text;
  try {
    const { key, params } = JSON.parse(text.slice(MARK.length)) as { key: string; params: StoredParams };
    return translate(lang, key, params);
  } catch {
    return text.slice(MARK.length);
  }
}

/** Every stored message anywhere inside a value, rendered: what dispatch does to each answer before it leaves. */
export function renderDeep<T>(lang: Lang, value: T): T {
  if (typeof value === 'string') return (isStoredMessage(value) ? renderStored(lang, value) : value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v, i) => {
      const r = renderDeep(lang, v);
      if (r !== v) (out ??= [...value])[i] = r;
    });
    return (out ?? value) as T;
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || value instanceof Date) return value;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const r = renderDeep(lang, v);
    if (r !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = r;
  }
  return (out ?? value) as T;
}
