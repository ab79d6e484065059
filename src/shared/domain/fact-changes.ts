/**
 * "The desk shows exactly what changed since they signed" (domain §6), in words: a record field by its label (from the
 * catalogue, so either language reads it), a paper by its name with the file names added or removed — never a storage
 * path or a hash. Pure over the leaf changes diffFacts reports.
 */
import type { FactChange } from './staleness';

/** One piece of a field's label: a catalogue key, with parameters (a table row's number). */
export interface LabelPart {
  key: string;
  params?: Record<string, number>;
}

export interface FieldChange {
  kind: 'field';
  /** The field's dotted path, kept as a stable handle (never shown as the label). */
  path: string;
  label: LabelPart[];
  before: unknown;
  after: unknown;
}

export interface PaperChange {
  kind: 'paper';
  path: string;
  code: string;
  nameZh: string;
  nameEn: string;
  /** 'present' / 'missing' when the paper's state changed; null when only its files did. */
  stateBefore: string | null;
  stateAfter: string | null;
  /** File names (null for a file the desk has no name for), in the order the hashes sorted. */
  added: (string | null)[];
  removed: (string | null)[];
}

export type DescribedChange = FieldChange | PaperChange;

export interface PaperNames {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Table fields whose rows have their own column labels under `ff.<table>.<column>`. */
const TABLES = new Set(['products', 'chemicals']);

/** 'project.chemicals.0.cas' → 危险化学品 · 第 1 行 · CAS 号; 'project.processes.2' → 重点监管… · 第 3 行. */
export function fieldLabel(path: string): LabelPart[] {
  const [group, field, row, column] = path.split('.');
  const parts: LabelPart[] = [{ key: `ff.${group}.${field}` }];
  if (row !== undefined && /^\d+$/.test(row)) parts.push({ key: 'rv.diff.row', params: { n: Number(row) + 1 } });
  if (column !== undefined) parts.push({ key: TABLES.has(field!) ? `ff.${field}.${column}` : `ff.${group}.${field}.${column}` });
  return parts;
}

const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function paperChange(code: string, names: PaperNames | undefined): PaperChange {
  return {
    kind: 'paper',
    path: `materials.${code}`,
    code,
    nameZh: names?.nameZh ?? code,
    nameEn: names?.nameEn ?? code,
    stateBefore: null,
    stateAfter: null,
    added: [],
    removed: [],
  };
}

/**
 * Groups the leaf changes: one row per changed field, one per changed paper. Hashes are compared as sets over the
 * changed positions (positions that did not change hold the same hash on both sides), so a file inserted before
 * others in sort order reads as one file added, not as every later position replaced.
 */
export function describeChanges(
  changes: readonly FactChange[],
  papers: readonly PaperNames[],
  fileNames: Readonly<Record<string, string>>,
): DescribedChange[] {
  const out: DescribedChange[] = [];
  const byPaper = new Map<string, { change: PaperChange; before: Set<string>; after: Set<string> }>();
  for (const c of changes) {
    const [group, code, leaf] = c.path.split('.');
    if (group !== 'materials' || code === undefined) {
      out.push({ kind: 'field', path: c.path, label: fieldLabel(c.path), before: c.before, after: c.after });
      continue;
    }
    let entry = byPaper.get(code);
    if (!entry) {
      entry = {
        change: paperChange(
          code,
          papers.find((p) => p.code === code),
        ),
        before: new Set(),
        after: new Set(),
      };
      byPaper.set(code, entry);
      out.push(entry.change);
    }
    if (leaf === 'state') {
      entry.change.stateBefore = asText(c.before);
      entry.change.stateAfter = asText(c.after);
    } else if (leaf === 'attachmentHashes') {
      const b = asText(c.before);
      const a = asText(c.after);
      if (b) entry.before.add(b);
      if (a) entry.after.add(a);
    }
  }
  for (const { change, before, after } of byPaper.values()) {
    const name = (hash: string) => fileNames[hash] ?? null;
    change.added = [...after].filter((h) => !before.has(h)).map(name);
    change.removed = [...before].filter((h) => !after.has(h)).map(name);
  }
  return out;
}
