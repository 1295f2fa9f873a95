// ESLint flat config: typescript-eslint + the import boundaries of docs/STYLE (dependency direction
// widgets → map/arcgis/sources → core, never back).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const noViewerOrNetwork = [
  {
    group: ['**/sources/**', '**/sources/*.js'],
    message: 'src/core must not import src/sources (dependency direction: sources → core).',
  },
  { group: ['**/map/**', '**/map/*.js'], message: 'src/core must not import src/map.' },
  { group: ['**/widgets/**'], message: 'src/core must not import widgets.' },
  { group: ['**/cli/**'], message: 'src/core must not import the CLI.' },
  {
    group: ['ol', 'ol/*', 'ol-ext', 'ol-ext/*', 'lit', 'lit/*'],
    message: 'src/core is viewer- and DOM-free.',
  },
];

const noInnerHtml = [
  { property: 'innerHTML', message: 'Untrusted text is text: never assign innerHTML.' },
  { property: 'outerHTML', message: 'Untrusted text is text: never assign outerHTML.' },
];

// Network access goes through src/sources (http.ts: time budget, typed errors, HTML detection;
// sources-file.ts for whole files), never a raw fetch in widgets, map or CLI (issue #12).
const noFetchMessage =
  'No fetch outside src/sources: use src/sources/http.ts (fetchWithPolicy) or sources-file.ts (loadTextFile, loadSourcesFile).';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.cache/**',
      'demo/dist/**',
      '**/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-properties': ['error', ...noInnerHtml],
      // `import { type A }` keeps `import {} from '…'` in the output: the module (and all it
      // imports) would load up front for a type; `import type { A }` leaves nothing (issue #11).
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'widgets/**/*.ts'],
    ignores: ['src/sources/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: noFetchMessage }],
      'no-restricted-properties': [
        'error',
        ...noInnerHtml,
        { object: 'window', property: 'fetch', message: noFetchMessage },
        { object: 'globalThis', property: 'fetch', message: noFetchMessage },
        { object: 'self', property: 'fetch', message: noFetchMessage },
      ],
    },
  },
  {
    // No import cycles (issue #12): a module and what it imports form a tree, so each can be read,
    // tested and loaded on its own. Type-only imports count too.
    files: ['src/**/*.ts', 'widgets/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: noViewerOrNetwork }],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/core has no network access.' },
        { name: 'document', message: 'src/core has no DOM.' },
        { name: 'window', message: 'src/core has no DOM.' },
      ],
    },
  },
  {
    files: ['src/sources/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/map/**'], message: 'src/sources must not import src/map.' },
            { group: ['**/widgets/**'], message: 'src/sources must not import widgets.' },
            { group: ['**/cli/**'], message: 'src/sources must not import the CLI.' },
            { group: ['ol', 'ol/*', 'lit', 'lit/*'], message: 'src/sources is viewer-free.' },
          ],
        },
      ],
    },
  },
  {
    // Text from services and files is untrusted: no lazy "anything" runs such as [\s\S]*? or .*?
    // (a backtracking pattern per opening tag made one exception body take 31 s; issue #13).
    // Scan with indexOf or bounded quantifiers instead.
    files: ['src/**/*.ts', 'widgets/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[regex.pattern=/\\[\\\\s\\\\S\\]\\*\\?|\\.\\*\\?|\\.\\+\\?/]',
          message:
            'No lazy unbounded regex runs ([\\s\\S]*?, .*?, .+?) on untrusted text: scan linearly (indexOf) or bound the quantifier.',
        },
      ],
    },
  },
  {
    files: ['src/arcgis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/widgets/**'], message: 'src/arcgis must not import widgets.' },
            {
              group: ['ol', 'ol/*', 'ol-ext', 'ol-ext/*'],
              message:
                'src/arcgis is the ArcGIS glue: no OpenLayers (the Viewer seam is type-only).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/map/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/widgets/**'], message: 'src/map must not import widgets.' }] },
      ],
    },
  },
);
