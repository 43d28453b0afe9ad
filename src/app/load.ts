import 'server-only'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { isDomainError } from '@/domain/errors'

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

/** What a page under an `[id]` folder is given: the id, and the query string's values. */
export type IdPageProps = {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}
