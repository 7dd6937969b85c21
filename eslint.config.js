// Lint: typescript-eslint's recommended rules, React's rules of hooks and hook dependencies in the
// React code, and nothing that a formatter decides (Prettier owns layout). `npm run lint` fails on
// any warning.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'testbed/bin/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are errors, except the deliberate `_` ones (ignored arguments, rest siblings).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // React components and hooks (the vitest fixtures in test/ named use* are not React hooks).
    files: ['src/ui/**/*.{ts,tsx}', 'scripts/bench/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The sandbox builds and the tests read Kubernetes JSON of any shape (objects, Tables, Status,
    // discovery and OpenAPI documents); typing every document there would restate the API.
    files: ['src/sandbox/**/*.ts', 'test/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Parsers of what the wire and the files hold: API responses (lists, Tables, discovery, reviews,
    // watch events) and kubeconfig YAML, of any shape, read defensively field by field.
    files: ['src/client/api.ts', 'src/client/discovery.ts', 'src/client/kubeconfig-lite.ts', 'src/client/types.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests and the bench look for terminal escape sequences (ESC, BEL) in output on purpose.
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx,mjs}'],
    rules: { 'no-control-regex': 'off' },
  },
  prettier,
);
