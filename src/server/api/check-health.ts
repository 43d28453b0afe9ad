import 'server-only'
import { db } from '../db'

export async function checkHealth(): Promise<{ status: 'ok' | 'unavailable'; database: 'reachable' | 'unreachable' }> {
  try {
    await db().$queryRaw`SELECT 1`
    return { status: 'ok', database: 'reachable' }
  } catch {
    return { status: 'unavailable', database: 'unreachable' }
  }
}
