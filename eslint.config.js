import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_AND_ELECTRON = [
  { group: ['node:*'], message: 'core/ runs anywhere: no Node built-ins.' },
  { group: ['electron', 'electron/*'], message: 'core/ runs anywhere: no Electron.' },
];
const NODE_BUILTINS = ['fs', 'path', 'os', 'http', 'https', 'url', 'crypto', 'child_process', 'stream', 'util', 'zlib', 'net', 'events', 'buffer'];
// The IPC boundary has one door each way: ipcMain handlers only in main/electron/ipc.ts (through
// its sender-checking wrapper), ipcRenderer only in preload/ (behind named methods).
const NO_OPEN_EXTERNAL = { selector: "CallExpression[callee.property.name='openExternal']", message: 'Open links only through the one link opener.' };
const NO_IPC_MAIN_HANDLERS = {
  selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(handle|handleOnce|on|once|addListener|prependListener)$/]",
  message: 'Register IPC handlers only in main/electron/ipc.ts, through its checked handle() wrapper.',
};
const NO_IPC_RENDERER = { selector: "Identifier[name='ipcRenderer']:not(ImportSpecifier > Identifier.local)", message: 'ipcRenderer stays inside preload/; the page uses the host API.' };
// External links in the renderer are <ExternalLink> (which sends activation to the one link
// opener); a raw <a target=…> or window.open would let a click navigate or escape it.
const NO_RAW_EXTERNAL_LINKS = [
  { selector: "JSXOpeningElement[name.name='a'] > JSXAttribute[name.name='target']", message: 'Use <ExternalLink> for links that leave the app.' },
  { selector: "CallExpression[callee.object.name='window'][callee.property.name='open']", message: 'Open links only through the one link opener (renderer/src/links/open.ts).' },
];
// Layers: core/ is imported by everything and imports none of them; the renderer never imports
// the main process (it reaches it only through the host API).
const NOT_MAIN = { group: ['**/main/*', '**/main/**', '**/preload/*', '**/preload/**'], message: 'Only the main process imports main/ and preload/: the renderer talks to it through the host API.' };
const CORE_LAYER = { group: ['**/main/*', '**/main/**', '**/renderer/*', '**/renderer/**', '**/preload/*', '**/cli/*'], message: 'core/ is shared by every layer and imports none of them.' };
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'DOMParser', 'location', 'fetch', 'process', 'Buffer', 'require', '__dirname'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NO_OPEN_EXTERNAL, NO_IPC_MAIN_HANDLERS, NO_IPC_RENDERER],
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...NODE_BUILTINS.map((name) => ({ name, message: 'core/ runs anywhere: no Node built-ins.' })),
          { name: 'react', message: 'core/ has no React.' }, { name: 'react-dom', message: 'core/ has no React.' }],
        patterns: [...NODE_AND_ELECTRON, { group: ['react/*', 'react-dom/*'], message: 'core/ has no React.' }, CORE_LAYER],
      }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'core/ runs anywhere: no DOM or Node globals.' }))],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NODE_AND_ELECTRON.map((p) => ({ ...p, message: 'The renderer talks to the host only through the host API.' })), NOT_MAIN] }],
    },
  },
  {
    // React's own lint: the rules of hooks, exhaustive effect dependencies, and the React
    // Compiler's checks (purity, refs, state set in effects or render …). A deliberate
    // exception is a commented eslint-disable on its line.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error', 'react-hooks/incompatible-library': 'error', 'react-hooks/unsupported-syntax': 'error' },
  },
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['main/electron/ipc.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_OPEN_EXTERNAL, NO_IPC_RENDERER] },
  },
  {
    // The preload owns ipcRenderer; unit tests mock it at the module boundary.
    files: ['preload/**/*.ts', 'tests/unit/electron/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_OPEN_EXTERNAL, NO_IPC_MAIN_HANDLERS] },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    ignores: ['renderer/src/links/ExternalLink.tsx', 'renderer/src/host/index.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_OPEN_EXTERNAL, NO_IPC_MAIN_HANDLERS, NO_IPC_RENDERER, ...NO_RAW_EXTERNAL_LINKS] },
  },
  {
    // The one link opener: the only module allowed to call shell.openExternal.
    files: ['main/electron/open-link.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_IPC_MAIN_HANDLERS, NO_IPC_RENDERER] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS on purpose (electron-builder hooks such as scripts/fuses.cjs).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
