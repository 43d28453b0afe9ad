import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'src/generated/**',
      'node_modules/**',
      '.data/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A function longer than a screen does more than one thing: split it along what it does.
    files: ['src/**'],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Playwright fixtures call their callback \`use\`; that is not a React hook.
    files: ['e2e/**', 'tests/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Prisma is reachable only through src/server: pages, components and the domain never import it.
    files: ['src/actions/**', 'src/app/**', 'src/components/**', 'src/domain/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/generated/*', '**/generated/prisma*'], message: 'Prisma lives in src/server only.' }] },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'react', '@/server/*', '@/generated/*', 'server-only'], message: 'src/domain is pure TypeScript.' },
          ],
        },
      ],
    },
  },
]
export default config
