// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The core must stay pure (DESIGN.md "Architecture"): no Node built-ins, sockets, storage,
 * timers, wall clocks or randomness of its own. Time and ids are passed in.
 */
const ioModules = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'tls',
  'child_process',
  'cluster',
  'worker_threads',
  'crypto',
  'os',
  'path',
  'timers',
  'timers/promises',
  'perf_hooks',
  'process',
  'ws',
  'buttplug',
  'better-sqlite3-multiple-ciphers',
  'fastify',
];
const coreRestrictedImports = {
  paths: ioModules.map((name) => ({
    name,
    message: 'The core is pure: no IO, sockets, storage, clocks or timers.',
  })),
  patterns: [
    { group: ['node:*'], message: 'The core is pure: no Node built-ins.' },
    { group: ['@fastify/*', 'fs/*'], message: 'The core is pure: no IO.' },
    {
      group: ['**/devices/**', '**/server/**', '**/web/**', '**/cli/**'],
      message: 'Dependencies point inward: the core imports nothing from the shell.',
    },
  ],
};

const coreRestrictedGlobals = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'fetch',
  'WebSocket',
  'process',
  'performance',
  'require',
].map((name) => ({ name, message: `The core is pure: '${name}' is not allowed here.` }));

const coreRestrictedProperties = [
  { object: 'Date', property: 'now', message: 'The core is pure: time is passed in.' },
  { object: 'Math', property: 'random', message: 'The core is pure: randomness is passed in.' },
  { object: 'crypto', property: 'randomUUID', message: 'The core is pure: ids are passed in.' },
  {
    object: 'crypto',
    property: 'getRandomValues',
    message: 'The core is pure: randomness is passed in.',
  },
  { object: 'globalThis', message: 'The core is pure: no ambient globals.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', coreRestrictedImports],
      'no-restricted-globals': ['error', ...coreRestrictedGlobals],
      'no-restricted-properties': ['error', ...coreRestrictedProperties],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'The core is pure: time is passed in.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
