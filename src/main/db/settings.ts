import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Trx } from './connection';
import { settingsSchema, type Settings } from '../../shared/schemas/settings';
import { resourcesDir } from '../paths';

type Q = Db | Trx;

let defaults: Settings | null = null;
export function defaultSettings(): Settings {
  defaults ??= settingsSchema.parse(JSON.parse(readFileSync(join(resourcesDir(), 'defaults', 'settings.json'), 'utf8')));
  return structuredClone(defaults);
}

// The last stored document and its parsed form: settings are read on every request and change rarely.
let parsedCache: { raw: string; settings: Settings } | null = null;

/**
 * Settings are one JSON document, validated on the way in and on the way out. The result is shared between
 * callers (parsed once per stored version) and must not be mutated.
 */
export async function loadSettings(db: Q): Promise<Settings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'desk').executeTakeFirst();
  return settingsFromStored(row?.value ?? null);
}

/** The stored document (null when none is stored) as loadSettings gives it, for queries that read it along with other rows. */
export function settingsFromStored(raw: string | null): Settings {
  if (raw === null) return (frozenDefaults ??= deepFreeze(defaultSettings()));
  if (parsedCache?.raw === raw) return parsedCache.settings;
  const parsed = settingsSchema.safeParse(JSON.parse(raw));
  const settings = deepFreeze(parsed.success ? parsed.data : defaultSettings());
  parsedCache = { raw, settings };
  return settings;
}

let frozenDefaults: Settings | null = null;

/** Shared settings are frozen, so a caller that tries to change them fails loudly instead of changing everyone's. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export async function saveSettings(db: Trx, settings: Settings, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'desk', value: JSON.stringify(settings), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(settings), updated_at: now }))
    .execute();
}

export async function getMeta(db: Q, key: string): Promise<string | null> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

export async function setMeta(db: Trx, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
