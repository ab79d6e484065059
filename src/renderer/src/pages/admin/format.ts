/** Local date and time for tables: the desk stores UTC ISO strings; people read their own clock. */
export function formatTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Hashes are long; the first 12 hex digits identify a chain head for a person comparing two screens. */
export const shortHash = (h: string) => (h.length > 12 ? `${h.slice(0, 12)}…` : h);

/** Error messages whose path starts with `prefix` (e.g. every error inside `materialTypes.3`). */
export function errorsUnder(errors: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([k, v]) => v && (k === prefix || k.startsWith(`${prefix}.`)))
    .map(([, v]) => String(v));
}
