// `npm run db:migrate -- <name>`: write a new migration from the change to prisma/schema.prisma since the last commit.
// Prisma 6's Wasm schema engine cannot run `migrate dev` here (no shadow database through an adapter), but it can
// diff two schema files offline; review the SQL, add what Prisma cannot express, then `npm run db:deploy`.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_')
if (!name) {
  console.error('usage: npm run db:migrate -- <name>')
  process.exit(2)
}
const root = path.resolve(import.meta.dirname, '..')
const before = path.join(mkdtempSync(path.join(tmpdir(), 'handoff-schema-')), 'schema.prisma')
writeFileSync(before, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: root }))
const sql = execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules/prisma/build/index.js'),
    'migrate',
    'diff',
    '--from-schema-datamodel',
    before,
    '--to-schema-datamodel',
    'prisma/schema.prisma',
    '--script',
  ],
  { cwd: root, encoding: 'utf8' },
)
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const dir = path.join(root, 'prisma/migrations', `${stamp}_${name}`)
mkdirSync(dir, { recursive: true })
writeFileSync(path.join(dir, 'migration.sql'), sql)
console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it before committing.`)
