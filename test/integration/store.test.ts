import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNetworkPath, openStore } from '../../src/main/db/store';

describe('the store', () => {
  it('recognises network shares by path (UNC) and local folders as local', () => {
    expect(isNetworkPath('\\\\fileserver\\desk')).toBe(true);
    expect(isNetworkPath('//fileserver/desk')).toBe(true);
    expect(isNetworkPath(tmpdir())).toBe(false);
  });

  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-store-'));
    const store = openStore(dir);
    try {
      const p = (name: string) => store.sqlite.pragma(name, { simple: true });
      expect(store.health.ok).toBe(true);
      expect(p('journal_mode')).toBe('wal');
      expect(p('synchronous')).toBe(2);
      expect(p('foreign_keys')).toBe(1);
      expect(Number(p('busy_timeout'))).toBeGreaterThanOrEqual(5000);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
