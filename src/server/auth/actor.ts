import 'server-only'
import { cache } from 'react'
import { getServerSession } from 'next-auth'
import { DomainError } from '@/domain/errors'
import type { HomeRole, Skills, Task } from '@/domain/permissions'
import { sql } from '../db'
import { authOptions } from './options'

/** The signed-in staff member as every use case sees them: no password hash, no counters. */
export interface Actor {
  id: string
  name: string
  email: string
  homeRole: HomeRole
  skills: Skills
  locale: 'en' | 'vi' | null
  sessionVersion: number
}

export interface ActorRow {
  id: string
  name: string
  email: string
  homeRole: HomeRole
  active: boolean
  locale: string | null
  sessionVersion: number
  /** [task, level] pairs. */
  skills: Array<[Task, number]>
}

/** The person and their skills in one row (one round trip; this runs on every request). By default `$1` is the
 * user's id; `from`/`where` reach the user through another row (an API token), `columns` adds that row's own. */
export function actorQuery({ columns = '', from = '"User" u', where = 'u.id = $1::uuid' } = {}): string {
  return `SELECT ${columns}u.id, u.name, u.email, u."homeRole", u.active, u.locale, u."sessionVersion",
    COALESCE((SELECT json_agg(json_build_array(s.task, s.level)) FROM "Skill" s WHERE s."userId" = u.id), '[]'::json) AS skills
  FROM ${from} WHERE ${where}`
}

/** The Actor of a row of `actorQuery`, or null when the person was deactivated or their session version moved on. */
export function toActor(row: ActorRow | undefined, sessionVersion: number | null): Actor | null {
  if (!row || !row.active) return null
  if (sessionVersion !== null && row.sessionVersion !== sessionVersion) return null
  const skills: Skills = {}
  for (const [task, level] of row.skills) skills[task] = level
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    homeRole: row.homeRole,
    skills,
    locale: row.locale === 'en' || row.locale === 'vi' ? row.locale : null,
    sessionVersion: row.sessionVersion,
  }
}

/** Load the person behind a session or token. Null when they no longer exist, were deactivated, or their session
 * version moved on (role, skill or password change, logout): such sessions end on their next request. */
export async function loadActor(userId: string, sessionVersion: number | null): Promise<Actor | null> {
  const [row] = await sql<ActorRow>(actorQuery(), [userId])
  return toActor(row, sessionVersion)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const currentSession = cache(() => getServerSession(authOptions))

/** Whether the request carries a session cookie for someone, valid or not: a page that finds no actor behind it tells
 * the sign-in page that the session ended (deactivation, password or role change, sign-out elsewhere). */
export async function hadSession(): Promise<boolean> {
  return typeof (await currentSession())?.user?.id === 'string'
}

/** The actor of the current request (cookie session), once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession()
  const uid = session?.user?.id
  const sv = session?.user?.sv
  if (typeof uid !== 'string' || !UUID.test(uid) || typeof sv !== 'number') return null
  return loadActor(uid, sv)
})

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'errors.unauthenticated')
  return actor
}
