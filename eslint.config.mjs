// @ts-check
import { createRequire } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';

// typescript-eslint 8 parses with the TypeScript 5 API; our `typescript` is 7 (native `tsc`, no JS API).
// The 5.9 API is installed as `typescript-5` and handed to typescript-eslint's `require('typescript')`.
const require = createRequire(import.meta.url);
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const redirected =
    request === 'typescript' || request.startsWith('typescript/')
      ? request.replace(/^typescript/, 'typescript-5')
      : request;
  return resolve.call(this, redirected, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');
const { default: reactHooks } = await import('eslint-plugin-react-hooks');

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'client/dist/', 'data/', 'uploads/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // A page area is used through its route, never imported by another area: what two areas share
    // lives in client/ui/ or client/lib/ (issue #16).
    files: ['client/pages/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/|^(\\.\\./)+pages/',
              message: 'Pages do not import other page areas: move what both use to client/ui/ or client/lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every endpoint is declared with defineRoute (server/http/define-route.ts), which also documents it:
    // a route added straight on a router would be served but missing from the OpenAPI document (issue #16).
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(get|post|put|patch|delete|all)$/][callee.object.name=/^(router|app)$/], CallExpression[callee.property.name=/^(get|post|put|patch|delete|all)$/][callee.object.property.name='router']",
          message: 'Declare endpoints with defineRoute(), so that the OpenAPI document lists them.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
