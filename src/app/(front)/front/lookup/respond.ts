import 'server-only'
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { HTTP_STATUS } from '@/domain/errors'
import { currentActor, type Actor } from '@/server/auth/actor'
import { toKnownFailure } from '@/server/errors'

/**
 * The as-you-type lookups of the counter are GET route handlers rather than server actions: actions run one at a
 * time per page, while a search box needs to cancel the previous request (AbortController) as the next key arrives.
 * Same contract as runAction otherwise: session, schema, use case (which authorizes), known failures as JSON.
 */
export async function lookup<S extends z.ZodType, R>(
  name: string,
  schema: S,
  raw: unknown,
  execute: (actor: Actor, input: z.output<S>) => Promise<R>,
): Promise<NextResponse> {
  const headers = { 'Cache-Control': 'no-store' }
  const actor = await currentActor()
  if (!actor) return NextResponse.json({ code: 'UNAUTHENTICATED' }, { status: 401, headers })
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return NextResponse.json({ code: 'INVALID' }, { status: 422, headers })
  try {
    return NextResponse.json(await execute(actor, parsed.data), { headers })
  } catch (error) {
    const failure = toKnownFailure(error, name)
    const status = failure.code === 'INTERNAL' ? 500 : HTTP_STATUS[failure.code]
    return NextResponse.json({ code: failure.code, ref: failure.ref }, { status, headers })
  }
}
