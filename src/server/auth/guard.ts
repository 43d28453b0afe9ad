import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { can, canUseArea, type Area, type Task } from '@/domain/permissions'
import { currentActor, type Actor } from './actor'

/** For pages: signed out -> login; signed in without the skill -> 403 page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect('/login')
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
