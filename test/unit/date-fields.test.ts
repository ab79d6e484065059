import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/**
 * Issue 9, point 1: the browser's date field shows mm/dd/yyyy on a Chinese screen and once stored 70115-02-02 for a
 * typed 2027-01-15. Every date on the desk goes through the one YYYY-MM-DD field (DateTextInput) instead.
 */
describe('date fields', () => {
  const files = execFileSync('git', ['ls-files', 'src/renderer'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx)$/.test(f));

  it('no screen uses the browser date input', () => {
    const browserDate = /type\s*[=:]\s*\{?\s*["'](date|datetime-local|month|week)["']/;
    const using = files.filter((f) => browserDate.test(readFileSync(join(root, f), 'utf8')));
    expect(files.length).toBeGreaterThan(50);
    expect(using).toEqual([]);
  });

  it('the acceptance deadlines and both meeting forms use the shared date field', () => {
    for (const f of [
      'src/renderer/src/pages/filings/AcceptanceForm.tsx',
      'src/renderer/src/pages/meetings/NewMeetingForm.tsx',
      'src/renderer/src/pages/problems/NewMeetingModal.tsx',
    ])
      expect(readFileSync(join(root, f), 'utf8'), f).toMatch(/<DateTextInput\b/);
  });
});
