import { describe, expect, it } from 'vitest';
import { createKysely, openSqlite, type Db, type Trx } from '../../src/main/db/connection';
import { migrate, migrations } from '../../src/main/db/migrations';
import { insertUser, loadActor } from '../../src/main/db/users';
import { AUTHORITY_REFUSAL, isAuthorityRefusal } from '../../src/main/db/refusals';

const user = {
  username: 'u1',
  displayName: 'U',
  role: 'reviewer' as const,
  unit: 'yj' as const,
  passwordHash: 'x',
  now: '2026-01-01T00:00:00Z',
};

/**
 * Never called: it only has to type-check. Each line marked @ts-expect-error is a write through the read handle;
 * if the types ever let one through, tsc reports the unused directive and the type check fails.
 */
export function writesOutsideATransaction(db: Db): void {
  // @ts-expect-error the read handle has no insertInto
  void db.insertInto('users');
  // @ts-expect-error nor updateTable
  void db.updateTable('filings');
  // @ts-expect-error nor deleteFrom
  void db.deleteFrom('settings');
  // @ts-expect-error a repository that writes takes a transaction, not the read handle
  void insertUser(db, user);
}

function store() {
  const sqlite = openSqlite(':memory:');
  migrate(sqlite);
  return createKysely(sqlite);
}

describe('the store, typed whole', () => {
  it('writes through a transaction handle and reads through the read handle, every table in one type', async () => {
    const db: Db = store();
    const actor = await db.transaction().execute((trx: Trx) => insertUser(trx, user));
    expect(await loadActor(db, actor.id)).toMatchObject({ username: 'u1', role: 'reviewer', unit: 'yj' });
    // Tables of later migrations are in the same type (no casts): these compile and run.
    expect(await db.selectFrom('certificates').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('meetings').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('step_durations').select('n').execute()).toEqual([]);
  });

  it('recognises an authority trigger by the shared refusal text, and nothing else', () => {
    const forbidding = migrations.flatMap((m) => [...m.up.matchAll(/RAISE\(ABORT, '(FORBIDDEN[^']*)'\)/g)].map((x) => x[1]!));
    expect(forbidding.length).toBeGreaterThanOrEqual(4);
    for (const text of forbidding) expect(text.startsWith(AUTHORITY_REFUSAL)).toBe(true);

    const sqlite = openSqlite(':memory:');
    migrate(sqlite);
    sqlite
      .prepare(
        "INSERT INTO users (username, display_name, role, unit, password_hash, created_at) VALUES ('c', 'C', 'clerk', 'sp', 'x', '')",
      )
      .run();
    sqlite
      .prepare(
        "INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at) VALUES ('F', 'in_review', 'a', 'c', 'p', 'k', '', '')",
      )
      .run();
    const refused = catching(() =>
      sqlite
        .prepare(
          `INSERT INTO decisions (filing_id, round, section, decision, opinion, not_involved_reason, checklist, conditions, decided_by,
            decided_by_name, decided_at, confirmed_via, filing_version, facts_hash, facts) VALUES (1, 1, 'yj', 'approve', '', '', '[]', '[]', 1, 'C', '', 'desk', 1, '', '{}')`,
        )
        .run(),
    );
    expect(isAuthorityRefusal(refused)).toBe(true);
    // Another trigger's refusal (the append-only audit log) is not an authority refusal.
    sqlite.prepare("INSERT INTO audit_log (at, action, outcome, prev_hash, hash) VALUES ('', 'x', 'ok', '', '')").run();
    expect(isAuthorityRefusal(catching(() => sqlite.prepare('DELETE FROM audit_log').run()))).toBe(false);
    expect(isAuthorityRefusal(new Error('FORBIDDEN: not from the store'))).toBe(false);
  });
});

function catching(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
