import type { SqliteHandle } from '../connection';
import { migration001 } from './001-initial';
import { migration002 } from './002-review';
import { migration003 } from './003-certificates';
import { migration004 } from './004-followup';
import { migration005 } from './005-meetings';
import { migration006 } from './006-problems';
import { migration007 } from './007-integrity';
import { migration008 } from './008-problem-meetings';
import { migration009 } from './009-notices';
import { migration010 } from './010-certificate-files';
import { migration011 } from './011-search';
import { migration012 } from './012-search-upkeep';
import { migration013 } from './013-search-facets';
import { registerSearchFunctions } from '../search-chars';

export interface Migration {
  version: number;
  name: string;
  /** Plain SQL run inside one transaction. */
  up: string;
}

/** Numbered migrations, applied in order, each in its own transaction, tracked in PRAGMA user_version. */
export const migrations: Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;

export class NewerSchemaError extends Error {
  constructor(public readonly found: number) {
    super(`database schema ${found} is newer than this desk knows (${LATEST_VERSION})`);
  }
}

export function migrate(handle: SqliteHandle, upTo: number = LATEST_VERSION): { from: number; to: number } {
  const from = handle.pragma('user_version', { simple: true }) as number;
  if (from > LATEST_VERSION) throw new NewerSchemaError(from);
  registerSearchFunctions(handle);
  for (const m of migrations) {
    if (m.version <= from || m.version > upTo) continue;
    handle
      .transaction(() => {
        handle.exec(m.up);
        handle.pragma(`user_version = ${m.version}`);
      })
      .immediate();
  }
  return { from, to: handle.pragma('user_version', { simple: true }) as number };
}
