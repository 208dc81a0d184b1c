// Lint configuration. The `boundaries` blocks enforce the dependency directions of DESIGN.md:
// renderer → src/contract only; devices → src/contract only; src/domain → no I/O; only main/electron
// touches Electron. Import strings are matched by regex, so relative paths of any depth are caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const up = String.raw`^(\.\./)+`;
const nodeBuiltins = String.raw`^(node:|(fs|path|os|child_process|net|http|https|crypto|dgram|worker_threads|stream)(/|$))`;
const nativeModules = String.raw`^(better-sqlite3|serialport|@serialport/|node-hid|usb|fastify|ws)(/|$)`;

const rule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const forbid = (regex, message) => ({ regex, message });

const noElectron = forbid('^electron(/|$)', 'Only main/electron may import electron (DESIGN.md).');

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/lint/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...rule([
        forbid(`${up}(devices|main|platform)(/|$)`, 'The renderer talks to the privileged side only through src/contract.'),
        forbid(`${up}src/(?!(contract|kernel)(/|$))`, 'The renderer may import only src/contract and src/kernel.'),
        forbid(nodeBuiltins, 'The renderer runs sandboxed: no Node built-ins.'),
        forbid(nativeModules, 'The renderer never touches native modules, the database or servers.'),
        noElectron,
      ]),
    },
  },
  {
    files: ['devices/**/*.ts'],
    rules: rule([
      forbid(`${up}(main|renderer|platform)(/|$)`, 'devices/ depends on nothing of ours but src/contract.'),
      forbid(`${up}src/(?!(contract|kernel)(/|$))`, 'devices/ may import only src/contract and src/kernel.'),
      noElectron,
    ]),
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: rule([
      forbid(`${up}(devices|main|renderer|platform|store|sync)(/|$)`, 'src/domain imports no I/O layer.'),
      forbid(nodeBuiltins, 'src/domain is pure: no Node built-ins.'),
      forbid(nativeModules, 'src/domain is pure: no native modules.'),
      noElectron,
    ]),
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: rule([
      forbid(`${up}(devices|main|renderer|platform|domain|store|sync)(/|$)`, 'src/contract depends on nothing of ours.'),
      forbid(nodeBuiltins, 'src/contract is shared with the renderer: no Node built-ins.'),
      forbid(nativeModules, 'src/contract is shared with the renderer: no native modules.'),
      noElectron,
    ]),
  },
  {
    files: ['src/{store,sync,crypto}/**/*.ts', 'platform/**/*.ts'],
    rules: rule([
      forbid(`${up}(main|renderer)(/|$)`, 'src/ and platform/ never import the shells or the UI.'),
      noElectron,
    ]),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: rule([
      forbid(`${up}renderer(/|$)`, 'main/ never imports the renderer.'),
      noElectron,
    ]),
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: rule([forbid(`${up}renderer(/|$)`, 'main/ never imports the renderer.')]),
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
