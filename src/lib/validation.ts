// Shared by forms (client) and actions (server): turn zod issues into translatable message keys, so both sides show
// the same words in the user's language.
import type { z } from 'zod'

export type MessageRef = { key: string; params?: Record<string, string | number> }

export function issueMessage(issue: z.core.$ZodIssue): MessageRef {
  // Schemas may name their own key: z.string().refine(..., { message: 'validation.phone' })
  if (issue.message.startsWith('validation.')) return { key: issue.message }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { key: 'validation.required' }
      return { key: issue.origin === 'string' ? 'validation.tooShort' : 'validation.tooSmall', params: { minimum: Number(issue.minimum) } }
    case 'too_big':
      return { key: issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig', params: { maximum: Number(issue.maximum) } }
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'validation.email' : 'validation.format' }
    case 'invalid_type':
      return { key: issue.input === undefined ? 'validation.required' : 'validation.invalid' }
    case 'unrecognized_keys':
      return { key: 'validation.unknownField' }
    default:
      return { key: 'validation.invalid' }
  }
}

/** Group issues by dotted field path ('' for the whole form). */
export function fieldIssues(error: z.ZodError): Record<string, MessageRef[]> {
  const out: Record<string, MessageRef[]> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.')
    ;(out[path] ??= []).push(issueMessage(issue))
  }
  return out
}
