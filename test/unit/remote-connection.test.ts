/** The desktop app's connection choice and pinned fingerprint, stored in the data folder (issue 16, item 7). */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONNECTION_FILE, readConnection, writeConnection } from '../../src/main/remote/connection-file';
import { fingerprintOf, isFingerprint, parseServerAddress, RemoteFailure } from '../../src/main/remote/pinned';

const PIN = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-connection-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the stored connection choice', () => {
  it('is a first run on an empty folder, and standalone on a folder that already holds a desk', () => {
    const empty = folder();
    expect(readConnection(empty)).toEqual({ mode: 'first-run' });
    const existing = folder();
    writeFileSync(join(existing, 'desk.sqlite'), '');
    expect(readConnection(existing)).toEqual({ mode: 'standalone' });
  });

  it('keeps the server address and the pinned fingerprint, written whole (no temporary file left)', () => {
    const dir = folder();
    writeConnection(dir, { mode: 'server', address: 'https://desk.example:8443/', fingerprint: PIN });
    expect(readConnection(dir)).toEqual({ mode: 'server', address: 'https://desk.example:8443/', fingerprint: PIN });
    expect(existsSync(join(dir, `${CONNECTION_FILE}.tmp`))).toBe(false);
    writeConnection(dir, { mode: 'standalone' });
    expect(readConnection(dir)).toEqual({ mode: 'standalone' });
    expect(JSON.parse(readFileSync(join(dir, CONNECTION_FILE), 'utf8'))).toEqual({ mode: 'standalone' });
  });

  it('refuses to store a plain-HTTP address or a malformed fingerprint', () => {
    const dir = folder();
    expect(() => writeConnection(dir, { mode: 'server', address: 'http://desk.example/', fingerprint: PIN })).toThrow();
    expect(() => writeConnection(dir, { mode: 'server', address: 'https://desk.example/', fingerprint: PIN.toLowerCase() })).toThrow();
    expect(existsSync(join(dir, CONNECTION_FILE))).toBe(false);
  });

  it('treats a damaged or hand-edited file as no choice: the first-run screen asks again', () => {
    const dir = folder();
    for (const text of ['{', '{"mode":"server","address":"https://x/"}', '{"mode":"cloud"}']) {
      writeFileSync(join(dir, CONNECTION_FILE), text);
      expect(readConnection(dir)).toEqual({ mode: 'first-run' });
    }
  });
});

describe('server addresses and fingerprints', () => {
  it('reads what a user types as an HTTPS origin', () => {
    expect(parseServerAddress(' desk.example:8443 ').toString()).toBe('https://desk.example:8443/');
    expect(parseServerAddress('https://desk.example/desk/login').toString()).toBe('https://desk.example/');
    expect(parseServerAddress('10.1.2.3:8443').toString()).toBe('https://10.1.2.3:8443/');
  });

  it('refuses plain HTTP, credentials in the address and nonsense with distinct codes', () => {
    const problem = (text: string) => {
      try {
        parseServerAddress(text);
        return null;
      } catch (err) {
        return err instanceof RemoteFailure ? err.problem : String(err);
      }
    };
    expect(problem('http://desk.example')).toBe('NOT_HTTPS');
    expect(problem('ftp://desk.example')).toBe('NOT_HTTPS');
    expect(problem('https://user:pw@desk.example')).toBe('BAD_ADDRESS');
    expect(problem('desk example')).toBe('BAD_ADDRESS');
  });

  it('prints a SHA-256 fingerprint as 32 upper-case hex pairs', () => {
    // sha256("certificate") = 03d66dd0…2d72 (coreutils sha256sum)
    const fp = fingerprintOf(Buffer.from('certificate'));
    expect(fp).toBe('03:D6:6D:D0:88:35:C1:CA:3F:12:8C:CE:AC:D1:F3:1A:C9:41:63:09:6B:20:F4:45:AE:84:28:5B:C0:83:2D:72');
    expect(isFingerprint(fp)).toBe(true);
    expect(isFingerprint(fp.toLowerCase())).toBe(false);
    expect(isFingerprint(fp.slice(3))).toBe(false);
  });
});
