// ESLint (flat config) for the harness, the tests and the scripts: typescript-eslint's
// type-aware recommended rules plus the few the project asks for. Formatting is
// Prettier's job: eslint-config-prettier, last, turns off the rules it would fight.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Prettier wraps code at 120; comments are held to it here. A long string stays whole: a message is easier to find
// with grep on one line.
const lineWidth = {
  'max-len': [
    'error',
    { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
  ],
};

export default defineConfig(
  // app/ is the sample Next.js app with its own package.json and TypeScript; only its lab/*.cjs are the lab's code.
  globalIgnores([
    'app/*',
    '!app/lab/',
    'results/',
    'test-output/',
    '.tap/',
    'docs/',
    'schemas/',
    'test/fixtures/runs/',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' } },

  // TypeScript, type-aware: the project service finds tsconfig.json (harness/, test/, and what they import).
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Inline `type` specifiers are the house style: one import statement per module.
      'no-duplicate-imports': 'error',
      // `_name` marks what is left out on purpose (rest destructuring, compile-time type assertions).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // An async method that implements a Promise-returning interface without awaiting is deliberate:
      // a throw in it becomes a rejection.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Tests: tap queues an un-awaited t.test(); a wrong `!` fails the test on the spot; JSON.parse'd fixtures
  // (summary.json of old versions, access logs) are read and edited untyped on purpose (an `any` still says why).
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafePromises: [{ from: 'package', package: '@tapjs/core', name: 'PromiseWithSubtest' }] },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // CommonJS that Node runs as is: the app's lab/ hooks, the race-window server, the fixture apps.
  {
    files: ['**/*.cjs', 'test/fixtures/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-duplicate-imports': 'error' },
  },
  // ES modules in JavaScript (this file, any *.mjs).
  {
    files: ['**/*.js', '**/*.mjs'],
    ignores: ['test/fixtures/**'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
    rules: { 'no-duplicate-imports': 'error' },
  },

  prettier,
  // After Prettier's config, which turns max-len off: Prettier cannot wrap a comment.
  { files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'], rules: lineWidth },
);
