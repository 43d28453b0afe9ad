'use server'

// The manager's team screens: skills, training goals, absences, moving a person's open orders, staff accounts and the
// shop's settings. Thin: each one use case's declaration (MANAGE_TEAM) run through runAction.
import { endAbsenceUseCase } from '@/server/absences/end-absence'
import { recordAbsenceUseCase } from '@/server/absences/record-absence'
import { runAction } from '@/server/action'
import { updateBankSettingsUseCase } from '@/server/settings/update-bank-settings'
import { updateSettingsUseCase } from '@/server/settings/update-settings'
import { createShopSkillUseCase } from '@/server/shop-skills/create-shop-skill'
import { setShopSkillLevelUseCase } from '@/server/shop-skills/set-shop-skill-level'
import { createStaffUseCase } from '@/server/team/create-staff'
import { createTrainingGoalUseCase } from '@/server/team/create-training-goal'
import { getReassignmentUseCase } from '@/server/team/get-reassignment'
import { reassignOrdersUseCase } from '@/server/team/reassign-orders'
import { markTrainingGoalAchievedUseCase } from '@/server/team/mark-training-goal-achieved'
import { resetPasswordUseCase } from '@/server/team/reset-password'
import { setHomeRoleUseCase } from '@/server/team/set-home-role'
import { setSkillLevelUseCase } from '@/server/team/set-skill-level'
import { setStaffActiveUseCase } from '@/server/team/set-staff-active'

export async function setSkillLevelAction(raw: unknown) {
  return runAction(setSkillLevelUseCase, raw)
}
export async function createTrainingGoalAction(raw: unknown) {
  return runAction(createTrainingGoalUseCase, raw)
}
export async function markTrainingGoalAchievedAction(raw: unknown) {
  return runAction(markTrainingGoalAchievedUseCase, raw)
}
export async function recordAbsenceAction(raw: unknown) {
  return runAction(recordAbsenceUseCase, raw)
}
export async function endAbsenceAction(raw: unknown) {
  return runAction(endAbsenceUseCase, raw)
}
export async function getReassignmentAction(raw: unknown) {
  return runAction(getReassignmentUseCase, raw)
}
export async function reassignOrdersAction(raw: unknown) {
  return runAction(reassignOrdersUseCase, raw)
}
export async function createStaffAction(raw: unknown) {
  return runAction(createStaffUseCase, raw)
}
export async function setHomeRoleAction(raw: unknown) {
  return runAction(setHomeRoleUseCase, raw)
}
export async function resetPasswordAction(raw: unknown) {
  return runAction(resetPasswordUseCase, raw)
}
export async function setStaffActiveAction(raw: unknown) {
  return runAction(setStaffActiveUseCase, raw)
}
export async function updateSettingsAction(raw: unknown) {
  return runAction(updateSettingsUseCase, raw)
}
export async function createShopSkillAction(raw: unknown) {
  return runAction(createShopSkillUseCase, raw)
}
export async function setShopSkillLevelAction(raw: unknown) {
  return runAction(setShopSkillLevelUseCase, raw)
}
export async function updateBankSettingsAction(raw: unknown) {
  return runAction(updateBankSettingsUseCase, raw)
}
