// Lint configuration. Layer rules (who may import whom, no Node built-ins in pure layers, Electron only in
// main/electron, no cycles) are not here: dependency-cruiser checks them on resolved paths
// (.dependency-cruiser.cjs, `npm run lint:layers`). This file keeps the code rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    },
  },
  {
    // Pure layers read no environment: what they need comes in as arguments. (An import rule cannot see
    // `process.env`, so this one stays with eslint.)
    files: [
      'src/{kernel,contract,domain,wire,documents}/**/*.ts',
      'devices/protocols/**/*.ts',
      'renderer/**/*.{ts,tsx}',
    ],
    ignores: ['**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Pure layers read no environment; pass the value in (main/config.ts reads the environment).',
        },
      ],
    },
  },
);
