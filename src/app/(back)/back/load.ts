import 'server-only'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { isDomainError } from '@/domain/errors'
import type { Actor } from '@/server/auth/actor'
import { requireArea } from '@/server/auth/guard'

const uuid = z.uuid()

/** A page's id parameter: anything that is not a UUID is simply "not found" (never a database error). */
export function pageId(id: string): string {
  if (!uuid.safeParse(id).success) notFound()
  return id
}

/** Reads that throw NOT_FOUND render the not-found page; everything else goes to the error boundary. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

/** A back-office record page's reading: the signed-in actor and the record of the route's id (not-found otherwise). */
export async function loadBackRecord<T>(params: Promise<{ id: string }>, read: (actor: Actor, id: string) => Promise<T>) {
  const actor = await requireArea('back')
  const record = await orNotFound(read(actor, pageId((await params).id)))
  return { actor, record }
}
