// ESLint flat config. Beyond the usual checks it keeps the runtime boundaries visible in the tree:
// src/shared and src/renderer stay free of electron, Node built-ins and database code;
// raw ipcMain / ipcRenderer live only in src/main/app and src/preload.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];

const boundary = (where) => [
  { name: 'electron', message: `${where} must not import electron: go through src/preload (window.desk) or the main process.` },
  ...nodeBuiltins.map((name) => ({ name, message: `${where} must not import Node built-ins.` })),
  ...['better-sqlite3', 'kysely', 'pg'].map((name) => ({
    name,
    message: `${where} must not touch the database: all SQL lives in src/main/db.`,
  })),
];
const boundaryPatterns = (where) => [
  { group: ['node:*'], message: `${where} must not import Node built-ins.` },
  { group: ['electron/*'], message: `${where} must not import electron.` },
  { group: ['**/main/**', '**/preload/**'], message: `${where} must not import main-process or preload code.` },
];
// Layers inside src/main: db/ (all SQL) sits at the bottom and imports nothing above it but leaf helpers (paths, attachments, the desk key in crypto/);
// the areas (filings, review, certificates, followup, meetings, demo) hold the logic and never reach up into handlers/,
// which only adapt the contract's channels to them.
const AREAS = ['filings', 'review', 'certificates', 'followup', 'meetings', 'demo'];
const mainZones = [
  {
    target: './src/main/db',
    from: './src/main',
    except: ['./db', './paths.ts', './attachments.ts', './crypto'],
    message: 'src/main/db is the bottom layer: it imports only db/, src/shared and leaf helpers.',
  },
  ...AREAS.map((area) => ({
    target: `./src/main/${area}`,
    from: './src/main/handlers',
    message: 'Areas never import handlers: move what they share into the area or below it.',
  })),
];

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in src/main/app and src/preload; use the typed dispatch / window.desk.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'artifacts/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'bench/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Text hygiene matches control characters on purpose (src/shared/domain/text.ts).
      'no-control-regex': 'off',
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: mainZones }],
    },
  },
  {
    // Wiring is explicit: a module is imported for what it exports, never run for its side effects.
    files: ['src/main/**/*.ts'],
    rules: { 'import-x/no-unassigned-import': 'error' },
  },
  {
    files: ['src/main/app/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: boundary('src/shared'), patterns: boundaryPatterns('src/shared') }] },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: boundary('src/renderer'), patterns: boundaryPatterns('src/renderer') }],
    },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
);
