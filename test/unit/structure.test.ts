import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * The layering rules in eslint.config.mjs must fire: each case lints a planted source (given as text at a path inside
 * src/main, nothing is written) and expects the rule's error. A config change that silences a rule fails here.
 */
const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint keeps the layers', () => {
  it('refuses an import cycle', async () => {
    // store.ts imports ./connection, so connection importing store closes a loop.
    const connection = readFileSync(join(root, 'src/main/db/connection.ts'), 'utf8');
    const planted = `import { openStore } from './store';\nexport const open = openStore;\n${connection}`;
    expect(await ruleIds('src/main/db/connection.ts', planted)).toContain('import-x/no-cycle');
    expect(await ruleIds('src/main/db/connection.ts', connection)).not.toContain('import-x/no-cycle');
  }, 60_000);

  it('refuses db importing anything above it', async () => {
    const up = await ruleIds('src/main/db/planted.ts', "import { handlers } from '../handlers';\nexport const h = handlers;\n");
    expect(up).toContain('import-x/no-restricted-paths');
    const services = await ruleIds('src/main/db/planted.ts', "import { write } from '../services';\nexport const w = write;\n");
    expect(services).toContain('import-x/no-restricted-paths');
    const sideways = await ruleIds('src/main/db/planted.ts', "import { migrate } from './migrations';\nexport const m = migrate;\n");
    expect(sideways).not.toContain('import-x/no-restricted-paths');
  }, 60_000);

  it('refuses an area importing handlers', async () => {
    const code = "import { reviewHandlers } from '../handlers/review';\nexport const r = reviewHandlers;\n";
    for (const area of ['review', 'certificates', 'followup', 'meetings', 'filings', 'demo'])
      expect(await ruleIds(`src/main/${area}/planted.ts`, code)).toContain('import-x/no-restricted-paths');
  }, 60_000);

  it('refuses a side-effect import in src/main', async () => {
    expect(await ruleIds('src/main/handlers/planted.ts', "import '../demo/review-stage';\n")).toContain('import-x/no-unassigned-import');
  }, 60_000);
});

/** No source file over 300 lines (tests and CSS aside), without exceptions. */

describe('source files stay small', () => {
  it('no file in src is over 300 lines', () => {
    const files = execFileSync('git', ['ls-files', 'src'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && existsSync(join(root, f)));
    expect(files.length).toBeGreaterThan(100);
    const lines = (f: string) => readFileSync(join(root, f), 'utf8').split('\n').length - 1;
    const over = files.filter((f) => lines(f) > 300);
    expect(over).toEqual([]);
  });
});
