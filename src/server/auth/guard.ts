import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { can, canUseArea, type Area, type Task } from '@/domain/permissions'
import { currentActor, hadSession, type Actor } from './actor'

/** The sign-in page's address when a session ended under someone: it says why instead of a bare form. */
export const SESSION_ENDED_LOGIN = '/login?ended=1'

/** For pages: signed out -> login (saying so when a session just ended); signed in without the skill -> 403 page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect((await hadSession()) ? SESSION_ENDED_LOGIN : '/login')
  return actor
}

export async function requireArea(area: Area): Promise<Actor> {
  const actor = await requirePageActor()
  if (!canUseArea(actor, area)) forbidden()
  return actor
}

export async function requirePageTask(task: Task): Promise<Actor> {
  const actor = await requirePageActor()
  if (!can(actor, task)) forbidden()
  return actor
}
