import type { SqliteHandle } from './connection';

/**
 * Short queries (one or two characters) have no trigram to look up. SQLite answers them from a second FTS5 index
 * (migration 011, `filings_fts_chars`) in which every character is a token of its own: a query of one character is a
 * token lookup and one of two a phrase of two adjacent tokens, so the match is exactly LIKE '%q%' within one column —
 * counted from the index alone, as the trigram index counts longer queries.
 *
 * A character becomes `u` + its code point in base 36, so FTS5's ascii tokenizer keeps every character (punctuation
 * and spaces included, which a word tokenizer would drop), and a character outside the Basic Multilingual Plane (CJK
 * Extension B names) is one token, as it is one character to LIKE. ASCII letters are lowered first: LIKE ignores the
 * case of ASCII letters only, and so does this index.
 */
export function deskChars(text: string | null | undefined): string {
  let out = '';
  for (const ch of (text ?? '').replace(/[A-Z]+/g, (s) => s.toLowerCase())) out += `${out ? ' ' : ''}u${ch.codePointAt(0)!.toString(36)}`;
  return out;
}

/** The query's phrase for `filings_fts_chars MATCH`. */
export const charsPhrase = (query: string) => `"${deskChars(query)}"`;

/** The SQL function the index's triggers call; every connection registers it (openSqlite, migrate). */
export function registerSearchFunctions(handle: SqliteHandle): void {
  handle.function('desk_chars', { deterministic: true }, (text: unknown) =>
    deskChars(typeof text === 'string' ? text : String(text ?? '')),
  );
}
