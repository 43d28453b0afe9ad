import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'
import { databaseEnv } from './env'

export type Db = PrismaClient
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

const globalForPrisma = globalThis as unknown as { handoffPrisma?: PrismaClient }

function create(): PrismaClient {
  const { DATABASE_URL, DB_POOL_SIZE } = databaseEnv()
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max: DB_POOL_SIZE }) })
}

/** One client per process (Next's dev server reloads modules; the pool must survive that). Created on first use,
 * so tests can point DATABASE_URL at their own database before anything touches it. */
export function db(): PrismaClient {
  globalForPrisma.handoffPrisma ??= create()
  return globalForPrisma.handoffPrisma
}
