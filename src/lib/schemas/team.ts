// Staff, skills, training goals and break handover: shared by the manager's forms and the server.
import { z } from 'zod'
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/domain/password-policy'
import { HOME_ROLES, TASKS } from '@/domain/permissions'
import { SHOP_SKILL_NAME_MAX } from '@/domain/shop-skills'
import { formNumber, integer } from './fields'

// The policy lives in src/domain/password-policy.ts; the forms import these from here.
export { isWeakPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/domain/password-policy'

const id = z.uuid()
/** Chosen in a list: the only invalid value a person can send is "nothing chosen". */
const chosenPerson = z.uuid({ message: 'validation.required' })
const note = z.string().trim().max(500).optional()

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.format' })
/** A date the form may leave empty. */
const optionalDay = ymd.optional().or(z.literal('').transform(() => undefined))

export const setSkillLevelSchema = z.strictObject({
  userId: id,
  task: z.enum(TASKS),
  level: formNumber(integer(0, 3)),
  /** When the certification should be reviewed (ADR 013). */
  reviewDueOn: optionalDay,
  note,
})
export type SetSkillLevelInput = z.infer<typeof setSkillLevelSchema>

const email = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email())
/** Every password that is set goes through this: length, and not a common password (or one built around it). The
 * use cases add the person-aware check (their own name or email) with isWeakPassword. */
const password = z
  .string()
  .min(PASSWORD_MIN)
  .max(PASSWORD_MAX)
  .refine((p) => !isCommonPassword(p), { message: 'validation.commonPassword' })

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

export const setStaffActiveSchema = z.strictObject({
  userId: id,
  active: z.boolean(),
  /** Deactivating someone who holds work: the colleague who takes it over, in the same transaction. */
  handOverTo: id.optional(),
})
export type SetStaffActiveInput = z.infer<typeof setStaffActiveSchema>

export const createTrainingGoalSchema = z.strictObject({
  userId: chosenPerson,
  task: z.enum(TASKS),
  targetLevel: formNumber(integer(2, 3)),
  dueOn: optionalDay,
  note,
})
export type CreateTrainingGoalInput = z.infer<typeof createTrainingGoalSchema>

export const trainingGoalIdSchema = z.strictObject({ goalId: id })
export type TrainingGoalIdInput = z.infer<typeof trainingGoalIdSchema>

export const reassignOrdersSchema = z.strictObject({ fromUserId: chosenPerson, toUserId: chosenPerson, note })
export type ReassignOrdersInput = z.infer<typeof reassignOrdersSchema>

export const reassignOwnOrdersSchema = z.strictObject({ toUserId: chosenPerson, note })
export type ReassignOwnOrdersInput = z.infer<typeof reassignOwnOrdersSchema>

export const userIdSchema = z.strictObject({ userId: id })
export type UserIdInput = z.infer<typeof userIdSchema>

const shopSkillName = z.string().trim().min(1).max(SHOP_SKILL_NAME_MAX)
export const createShopSkillSchema = z.strictObject({ nameVi: shopSkillName, nameEn: shopSkillName })
export type CreateShopSkillInput = z.infer<typeof createShopSkillSchema>

export const setShopSkillLevelSchema = z.strictObject({
  userId: id,
  skillId: id,
  level: formNumber(integer(0, 3)),
  reviewDueOn: optionalDay,
})
export type SetShopSkillLevelInput = z.infer<typeof setShopSkillLevelSchema>
