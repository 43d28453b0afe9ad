'use client'

import { useState } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { useAction } from '@/components/ui/use-action'

/**
 * A cash form whose success is said in words ("Counter 2 added", "Cash out recorded"): the action's state, the words
 * of the last success (`done`), and `submit`, which clears those words, runs the action and, when it succeeds, says
 * the new ones and lets the form clear its inputs.
 */
export function useSaidAction<R>(action: (raw: unknown) => Promise<ActionResult<R>>) {
  const state = useAction(action)
  const [done, setDone] = useState<string | null>(null)
  async function submit(event: React.FormEvent<HTMLFormElement>, input: unknown, words: () => string, clear: () => void) {
    event.preventDefault()
    setDone(null)
    const result = await state.run(input)
    if (!result.ok) return
    setDone(words())
    clear()
  }
  return { ...state, done, submit }
}
