import { describe, expect, it } from 'vitest';
import { passwordMessageKey, passwordProblem } from '../../src/shared/domain/password';
import { contract } from '../../src/shared/contract';
import { password } from '../../src/shared/contract/auth';

const SAMPLES: [string, string | undefined, string | null][] = [
  ['short', undefined, 'v.password.short'],
  ['          ', undefined, 'v.password.blank'],
  ['aaaaaaaaaa', undefined, 'v.password.weak'],
  ['password123', undefined, 'v.password.weak'],
  ['qwertyuiop', undefined, 'v.password.weak'],
  ['inspector2026', 'inspector2026', 'v.password.username'],
  ['Inspector2026 ', 'inspector2026', 'v.password.username'],
  ['x'.repeat(129), undefined, 'v.password.long'],
  ['梅雨季节的化工园区2026', undefined, null],
  ['Tangerine-Vessel-Orbit-41', 'inspector2026', null],
];

describe('the password rule, once for the desk and its forms', () => {
  it.each(SAMPLES)('%j (username %j) → %s', (pw, name, key) => {
    expect(passwordMessageKey(pw, name)).toBe(key);
  });

  it('answers exactly what the desk\u2019s schema answers, so a form never lets through what the server refuses', () => {
    for (const [pw, name, key] of SAMPLES) {
      const schema = name
        ? contract['auth.setup'].input.safeParse({ username: name, displayName: '管理员', password: pw })
        : password().safeParse(pw);
      const messages = schema.success ? [] : schema.error.issues.map((i) => i.message);
      if (key === null) expect(schema.success, pw).toBe(true);
      else expect(messages, pw).toContain(key);
    }
  });

  it('the username check ignores case and surrounding spaces', () => {
    expect(passwordProblem('ADMIN-desk-2026', 'admin-desk-2026')).toBe('username');
    expect(passwordProblem('admin-desk-2026x', 'admin-desk-2026')).not.toBe('username');
  });
});
