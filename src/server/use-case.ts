import 'server-only'
import type { z } from 'zod'
import type { Caller } from '@/domain/permissions'
import type { Actor } from './auth/actor'

/**
 * What an entry point needs to know about a use case, declared once in the use case's own file: its name (for logs),
 * who may call it (`tasks`, which the use case itself authorizes with), and for a server action the zod schema of its
 * input. The action wrapper (src/server/action.ts), the API wrapper (src/server/api/handler.ts) and the authorization
 * matrix read the tasks from here, so no entry point keeps a copy that could drift.
 */
export interface UseCase<T extends Caller = Caller> {
  name: string
  tasks: T
}

export interface ActionUseCase<S extends z.ZodType, R, T extends Caller = Caller> extends UseCase<T> {
  schema: S
  run: (actor: Actor, input: z.output<S>) => Promise<R>
}

export function defineUseCase<const T extends Caller>(spec: UseCase<T>): UseCase<T>
export function defineUseCase<S extends z.ZodType, R, const T extends Caller>(spec: ActionUseCase<S, R, T>): ActionUseCase<S, R, T>
export function defineUseCase(spec: UseCase): UseCase {
  return spec
}
