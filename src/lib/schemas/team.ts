// Staff, skills, training goals and break handover: shared by the manager's forms and the server.
import { z } from 'zod'
import { HOME_ROLES, TASKS } from '@/domain/permissions'

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 200

const id = z.uuid()
/** Chosen in a list: the only invalid value a person can send is "nothing chosen". */
const chosenPerson = z.uuid({ message: 'validation.required' })
const note = z.string().trim().max(500).optional()

export const setSkillLevelSchema = z.strictObject({
  userId: id,
  task: z.enum(TASKS),
  level: z.coerce.number().int().min(0).max(3),
  note,
})
export type SetSkillLevelInput = z.infer<typeof setSkillLevelSchema>

const email = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email())
const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX)

export const createStaffSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email,
  homeRole: z.enum(HOME_ROLES),
  password,
})
export type CreateStaffInput = z.infer<typeof createStaffSchema>

export const setHomeRoleSchema = z.strictObject({ userId: id, homeRole: z.enum(HOME_ROLES) })
export type SetHomeRoleInput = z.infer<typeof setHomeRoleSchema>

export const resetPasswordSchema = z.strictObject({ userId: id, password })
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>

export const setStaffActiveSchema = z.strictObject({ userId: id, active: z.boolean() })
export type SetStaffActiveInput = z.infer<typeof setStaffActiveSchema>

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.format' })

export const createTrainingGoalSchema = z.strictObject({
  userId: chosenPerson,
  task: z.enum(TASKS),
  targetLevel: z.coerce.number().int().min(2).max(3),
  dueOn: ymd.optional().or(z.literal('').transform(() => undefined)),
  note,
})
export type CreateTrainingGoalInput = z.infer<typeof createTrainingGoalSchema>

export const trainingGoalIdSchema = z.strictObject({ goalId: id })
export type TrainingGoalIdInput = z.infer<typeof trainingGoalIdSchema>

export const handOffOrdersSchema = z.strictObject({ fromUserId: chosenPerson, toUserId: chosenPerson, note })
export type HandOffOrdersInput = z.infer<typeof handOffOrdersSchema>

export const handOffOwnOrdersSchema = z.strictObject({ toUserId: chosenPerson, note })
export type HandOffOwnOrdersInput = z.infer<typeof handOffOwnOrdersSchema>

export const userIdSchema = z.strictObject({ userId: id })
export type UserIdInput = z.infer<typeof userIdSchema>

/**
 * Passwords that are long enough but guessed first by anyone trying: keyboard and digit runs, repeated characters,
 * the words "password" / "mật khẩu", the app's own name, and the person's own name or email. A short list on purpose
 * (no breach corpus ships with the app); length does the rest. What is left after removing these words, digits and
 * separators must still be at least four characters.
 */
const COMMON_WORDS = [
  'password',
  'passwort',
  'matkhau',
  'qwertyuiop',
  'qwerty',
  'azerty',
  'asdfghjkl',
  'asdfgh',
  'zxcvbnm',
  'qazwsx',
  '1q2w3e',
  'iloveyou',
  'letmein',
  'welcome',
  'changeme',
  'admin',
  'secret',
  'handoff',
  'demo',
  'test',
  'hello',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'vietnam',
  'saigon',
  'hanoi',
  'abc',
]

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase()
}

/** "abcdefghijkl", "123456789012", "987654321098": mostly steps of ±1 between neighbours. */
function isRun(s: string): boolean {
  if (s.length < 8) return false
  let steps = 0
  for (let i = 1; i < s.length; i++) if (Math.abs(s.charCodeAt(i) - s.charCodeAt(i - 1)) === 1) steps++
  return steps / (s.length - 1) >= 0.75
}

export function isWeakPassword(password: string, person: { name?: string; email?: string } = {}): boolean {
  const lower = fold(password)
  if (new Set(lower).size <= 3) return true
  if (isRun(lower.replace(/[^a-z0-9]/g, ''))) return true
  const own = [...fold(person.name ?? '').split(/[^a-z0-9]+/), ...fold(person.email?.split('@')[0] ?? '').split(/[^a-z0-9]+/)].filter((w) => w.length >= 3)
  // Separators do not make a word less guessable: "mật khẩu 2026" is "matkhau2026".
  let rest = lower.replace(/[\s._-]+/g, '')
  for (const word of [...COMMON_WORDS, ...own]) rest = rest.split(word).join('')
  return rest.replace(/\d/g, '').length < 4
}
