import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnly = {
  paths: [
    {
      name: 'electron',
      message: "Only src/main/electron/, src/main/index.ts and src/preload/ may import 'electron'.",
    },
  ],
};

/** What browser code (renderer and shared) may not import, plus a folder's own restriction. */
function browserImports(...more) {
  return {
    ...electronOnly,
    patterns: [
      { group: ['node:*'], message: 'No Node built-ins in renderer or shared code.' },
      { group: ['**/main/**', '**/preload/**'], message: 'Talk to the main process through the contract.' },
      ...more,
    ],
  };
}

/**
 * Renderer imports flow one way, app → pages → print / components → api → i18n → lib → @shared:
 * each folder of src/renderer/src and the folders above it, which it may not import. print/ and
 * components/ sit side by side (a printed report draws its charts with components/charts).
 * tests/unit/importDirection.test.ts shows the rule refusing, and checks the whole tree with
 * dependency-cruiser (dynamic import() and CSS included, which this rule does not see).
 */
const RENDERER_ABOVE = {
  pages: ['app'],
  print: ['app', 'pages'],
  components: ['app', 'pages', 'print'],
  api: ['app', 'pages', 'print', 'components'],
  i18n: ['app', 'pages', 'print', 'components', 'api'],
  lib: ['app', 'pages', 'print', 'components', 'api', 'i18n'],
};

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'drizzle/**', 'node_modules/**', '.web-data/**', 'tests/e2e/artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnly],
    },
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The renderer and the shared layer run in the browser: no Node built-ins, no main-process code.
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', browserImports()] },
  },
  // A relative import climbing into a folder above (the renderer has no path alias of its own).
  ...Object.entries(RENDERER_ABOVE).map(([folder, above]) => ({
    files: [`src/renderer/src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        browserImports({
          regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
          message: `Renderer imports flow app → pages → print/components → api → i18n → lib: ${folder}/ may not import ${above.map((f) => `${f}/`).join(', ')}.`,
        }),
      ],
    },
  })),
  {
    // The server's clock decides: a screen reads "now" only through lib/serverClock.ts.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/lib/serverClock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          "NewExpression[callee.name='Date'][arguments.length=0]",
          "CallExpression[callee.name='dayjs'][arguments.length=0]",
        ].map((selector) => ({
          selector,
          message: "The server's clock decides: use serverNow() / serverToday() from lib/serverClock.ts.",
        })),
        // An error's meaning is its reason and params; its message is the server's developer text.
        ...[
          "MemberExpression[property.name='message']",
          "MemberExpression[computed=true][property.value='message']",
          "VariableDeclarator[init.callee.property.name!='useApp'] > ObjectPattern > Property[key.name='message']",
        ].map((selector) => ({
          selector,
          message: 'Word an error by its reason and params (i18n/errorMessage.ts), never by its message.',
        })),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
