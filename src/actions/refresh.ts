import 'server-only'
import { revalidatePath } from 'next/cache'
import type { ActionResult } from '@/lib/action-result'

/** After a successful change to an order's work or money, every back-office screen re-renders. */
export async function refreshingBackOffice<R>(result: Promise<ActionResult<R>>): Promise<ActionResult<R>> {
  const r = await result
  if (r.ok) revalidatePath('/back', 'layout')
  return r
}
