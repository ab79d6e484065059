/**
 * Issue 13, point 8: the smaller weaknesses, each through the one dispatch (or the real host) on a real desk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, listInput, TEST_PASSWORD, type TestDesk } from '../helpers/desk';
import { contentDisposition } from '../../src/main/host/files';

let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(() => t.close());

const users = async () => (await t.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM users'))[0]!.n;

describe('passwords: strength, not only length', () => {
  it('refuses whitespace-only, repeats, common passwords and the username itself, beside the field, in both languages', async () => {
    const anon = t.anonymous();
    for (const [password, key] of [
      ['          ', 'blank'],
      ['aaaaaaaaaa', 'weak'],
      ['password123', 'weak'],
      ['qwertyuiop', 'weak'],
      ['chief-admin', 'username'],
    ] as const) {
      const error = expectError(await anon.call('auth.setup', { username: 'chief-admin', displayName: 'Chief', password }), 'INVALID');
      expect(error.fields?.password, password).toBeTruthy();
      expect(error.fields?.password).not.toMatch(/^v\./);
      if (key === 'username') expect(error.fields?.password).toContain('username');
    }
    const zh = await t.dispatch(
      'auth.setup',
      { username: 'chief-admin', displayName: 'C', password: 'aaaaaaaaaa' },
      { connectionId: 'zh', lang: 'zh-CN' },
    );
    expect(zh.ok ? '' : zh.error.fields?.password).toContain('密码');
    expect(await users()).toBe(0);
    const admin = await t.setupAdmin();
    const create = await admin.session.call('accounts.create', {
      username: 'yj-zhou',
      displayName: 'Zhou',
      role: 'reviewer',
      unit: 'yj',
      password: 'yj-zhou' + '   ',
    });
    expect(expectError(create, 'INVALID').fields?.password).toBeTruthy();
    const reset = await admin.session.call('accounts.resetPassword', { id: admin.id, password: 'admin' + ' '.repeat(5) });
    expect(expectError(reset, 'INVALID').fields?.password).toBeTruthy();
    const change = await admin.session.call('auth.changePassword', { current: TEST_PASSWORD, next: 'ADMIN     ' });
    expect(expectError(change, 'INVALID').fields?.next).toBeTruthy();
  });
});

describe('text rules everywhere', () => {
  it('a NUL in the filings search is INVALID with the field message, not INTERNAL', async () => {
    const clerk = (await t.clerk()).session;
    for (const query of ['abc\u0000def', '\u202eevil', 'x\ud800y']) {
      const error = expectError(await clerk.call('filing.list', listInput({ query })), 'INVALID');
      expect(error.fields?.query, JSON.stringify(query)).toBeTruthy();
    }
  });

  it('settings texts (material forms) refuse NUL, bidi controls and lone surrogates', async () => {
    const admin = (await t.setupAdmin()).session;
    const settings = await admin.ok('settings.get', {});
    for (const bad of ['原件\u0000', '\u202e原件', '原件\udc00']) {
      const materialTypes = settings.materialTypes.map((m, i) => (i === 0 ? { ...m, formZh: bad } : m));
      const error = expectError(await admin.call('settings.update', { ...settings, materialTypes }), 'INVALID');
      expect(error.fields?.['materialTypes.0.formZh']).toBeTruthy();
    }
  });

  it('keeps the validation message of a field named __proto__ or constructor', async () => {
    for (const key of ['__proto__', 'constructor']) {
      const body = JSON.parse(`{"${key}": 1}`) as unknown;
      const r = await t.anonymous().raw('app.ping', body);
      if (r.ok) expect.fail('accepted');
      expect(Object.prototype.hasOwnProperty.call(r.error.fields, key), key).toBe(true);
      expect(typeof r.error.fields![key]).toBe('string');
    }
  });
});

describe('downloads', () => {
  it('percent-encode every character RFC 5987 does not allow in filename*', () => {
    const header = contentDisposition({ bytes: new Uint8Array(), mime: 'application/pdf', filename: "登记证 (副本)*'!.pdf" });
    const star = header.split("filename*=UTF-8''")[1]!;
    expect(star).toMatch(/^[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(star).not.toMatch(/['()*!]/);
    expect(decodeURIComponent(star)).toBe("登记证 (副本)*'!.pdf");
  });
});
