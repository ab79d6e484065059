import { defineConfig } from '@playwright/test';

/** Launched by test/electron/run.mjs only where an Electron binary can run (it sets DESK_ELECTRON_PATH). */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../artifacts/electron/results',
  reporter: [['list']],
  workers: 1,
  timeout: 60_000,
});
