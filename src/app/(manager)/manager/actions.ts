'use server'

// The manager area's server actions: thin wrappers, each the task it needs (checked before parsing), one schema and one
// use case (which checks the permission again).
import { absenceIdSchema, recordAbsenceSchema } from '@/lib/schemas/absence'
import { createProductSchema, setProductActiveSchema, updateProductSchema } from '@/lib/schemas/catalog'
import { updateSettingsSchema } from '@/lib/schemas/settings'
import {
  createStaffSchema,
  createTrainingGoalSchema,
  reassignOrdersSchema,
  resetPasswordSchema,
  setHomeRoleSchema,
  setSkillLevelSchema,
  setStaffActiveSchema,
  trainingGoalIdSchema,
  userIdSchema,
} from '@/lib/schemas/team'
import { endAbsence } from '@/server/absences/end-absence'
import { recordAbsence } from '@/server/absences/record-absence'
import { runAction } from '@/server/action'
import { createProduct } from '@/server/catalog/create-product'
import { setProductActive } from '@/server/catalog/set-product-active'
import { updateProduct } from '@/server/catalog/update-product'
import { updateSettings } from '@/server/settings/update-settings'
import { createStaff } from '@/server/team/create-staff'
import { createTrainingGoal } from '@/server/team/create-training-goal'
import { getReassignment } from '@/server/team/get-reassignment'
import { reassignOrders } from '@/server/team/reassign-orders'
import { markTrainingGoalAchieved } from '@/server/team/mark-training-goal-achieved'
import { resetPassword } from '@/server/team/reset-password'
import { setHomeRole } from '@/server/team/set-home-role'
import { setSkillLevel } from '@/server/team/set-skill-level'
import { setStaffActive } from '@/server/team/set-staff-active'

export async function setSkillLevelAction(raw: unknown) {
  return runAction('setSkillLevel', 'MANAGE_TEAM', setSkillLevelSchema, setSkillLevel, raw)
}
export async function createTrainingGoalAction(raw: unknown) {
  return runAction('createTrainingGoal', 'MANAGE_TEAM', createTrainingGoalSchema, createTrainingGoal, raw)
}
export async function markTrainingGoalAchievedAction(raw: unknown) {
  return runAction('markTrainingGoalAchieved', 'MANAGE_TEAM', trainingGoalIdSchema, markTrainingGoalAchieved, raw)
}
export async function recordAbsenceAction(raw: unknown) {
  return runAction('recordAbsence', 'MANAGE_TEAM', recordAbsenceSchema, recordAbsence, raw)
}
export async function endAbsenceAction(raw: unknown) {
  return runAction('endAbsence', 'MANAGE_TEAM', absenceIdSchema, endAbsence, raw)
}
export async function getReassignmentAction(raw: unknown) {
  return runAction('getReassignment', 'MANAGE_TEAM', userIdSchema, getReassignment, raw)
}
export async function reassignOrdersAction(raw: unknown) {
  return runAction('reassignOrders', 'MANAGE_TEAM', reassignOrdersSchema, reassignOrders, raw)
}
export async function createStaffAction(raw: unknown) {
  return runAction('createStaff', 'MANAGE_TEAM', createStaffSchema, createStaff, raw)
}
export async function setHomeRoleAction(raw: unknown) {
  return runAction('setHomeRole', 'MANAGE_TEAM', setHomeRoleSchema, setHomeRole, raw)
}
export async function resetPasswordAction(raw: unknown) {
  return runAction('resetPassword', 'MANAGE_TEAM', resetPasswordSchema, resetPassword, raw)
}
export async function setStaffActiveAction(raw: unknown) {
  return runAction('setStaffActive', 'MANAGE_TEAM', setStaffActiveSchema, setStaffActive, raw)
}
export async function createProductAction(raw: unknown) {
  return runAction('createProduct', 'MANAGE_CATALOG', createProductSchema, createProduct, raw)
}
export async function updateProductAction(raw: unknown) {
  return runAction('updateProduct', 'MANAGE_CATALOG', updateProductSchema, updateProduct, raw)
}
export async function setProductActiveAction(raw: unknown) {
  return runAction('setProductActive', 'MANAGE_CATALOG', setProductActiveSchema, setProductActive, raw)
}
export async function updateSettingsAction(raw: unknown) {
  return runAction('updateSettings', 'MANAGE_TEAM', updateSettingsSchema, updateSettings, raw)
}
