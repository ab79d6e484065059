import type { FilingFields } from '../../../../shared/schemas/filing';

export function getAt(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const part of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** Immutable set by dotted path (array indices as numbers in the path). */
export function setAt(fields: FilingFields, path: string, value: unknown): FilingFields {
  const parts = path.split('.');
  const walk = (node: unknown, i: number): unknown => {
    if (i === parts.length) return value;
    const key = parts[i]!;
    if (Array.isArray(node)) {
      const copy = [...node];
      copy[Number(key)] = walk(copy[Number(key)], i + 1);
      return copy;
    }
    const obj = (node ?? {}) as Record<string, unknown>;
    return { ...obj, [key]: walk(obj[key], i + 1) };
  };
  return walk(fields, 0) as FilingFields;
}
