import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_AND_ELECTRON = [
  { group: ['node:*'], message: 'core/ runs anywhere: no Node built-ins.' },
  { group: ['electron', 'electron/*'], message: 'core/ runs anywhere: no Electron.' },
];
const NODE_BUILTINS = ['fs', 'path', 'os', 'http', 'https', 'url', 'crypto', 'child_process', 'stream', 'util', 'zlib', 'net', 'events', 'buffer'];
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
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='openExternal']", message: 'Open links only through the one link opener.' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...NODE_BUILTINS.map((name) => ({ name, message: 'core/ runs anywhere: no Node built-ins.' })),
          { name: 'react', message: 'core/ has no React.' }, { name: 'react-dom', message: 'core/ has no React.' }],
        patterns: [...NODE_AND_ELECTRON, { group: ['react/*', 'react-dom/*'], message: 'core/ has no React.' }],
      }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'core/ runs anywhere: no DOM or Node globals.' }))],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: NODE_AND_ELECTRON.map((p) => ({ ...p, message: 'The renderer talks to the host only through the host API.' })) }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
