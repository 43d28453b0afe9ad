import 'server-only'
import { cache } from 'react'
import { getServerSession } from 'next-auth'
import { DomainError } from '@/domain/errors'
import type { HomeRole, Skills, Task } from '@/domain/permissions'
import { db } from '../db'
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

/** Load the person behind a session or token. Null when they no longer exist, were deactivated, or their session
 * version moved on (role, skill or password change, logout): such sessions end on their next request. */
export async function loadActor(userId: string, sessionVersion: number | null): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      homeRole: true,
      active: true,
      locale: true,
      sessionVersion: true,
      skills: { select: { task: true, level: true } },
    },
  })
  if (!user || !user.active) return null
  if (sessionVersion !== null && user.sessionVersion !== sessionVersion) return null
  const skills: Skills = {}
  for (const s of user.skills) skills[s.task as Task] = s.level
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    homeRole: user.homeRole,
    skills,
    locale: user.locale === 'en' || user.locale === 'vi' ? user.locale : null,
    sessionVersion: user.sessionVersion,
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The actor of the current request (cookie session), once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions)
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
