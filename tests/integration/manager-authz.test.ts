import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/server/auth/actor'
import { endAbsence } from '@/server/absences/end-absence'
import { listAbsences } from '@/server/absences/list-absences'
import { recordAbsence } from '@/server/absences/record-absence'
import { createProduct } from '@/server/catalog/create-product'
import { listProducts } from '@/server/catalog/list-products'
import { setProductActive } from '@/server/catalog/set-product-active'
import { updateProduct } from '@/server/catalog/update-product'
import { getCoverOverview } from '@/server/coverage/get-cover-overview'
import { getCrossRoleWork } from '@/server/coverage/get-cross-role-work'
import { getDayCover } from '@/server/coverage/get-day-cover'
import { getPracticeEvidence } from '@/server/coverage/get-practice-evidence'
import { getKpis } from '@/server/kpis/get-kpis'
import { updateSettings } from '@/server/settings/update-settings'
import { createStaff } from '@/server/team/create-staff'
import { createTrainingGoal } from '@/server/team/create-training-goal'
import { getReassignment } from '@/server/team/get-reassignment'
import { getSkillsMatrix } from '@/server/team/get-skills-matrix'
import { reassignOrders } from '@/server/team/reassign-orders'
import { listTeam } from '@/server/team/list-team'
import { listTrainingGoals } from '@/server/team/list-training-goals'
import { markTrainingGoalAchieved } from '@/server/team/mark-training-goal-achieved'
import { resetPassword } from '@/server/team/reset-password'
import { setHomeRole } from '@/server/team/set-home-role'
import { setSkillLevel } from '@/server/team/set-skill-level'
import { setStaffActive } from '@/server/team/set-staff-active'
import { db } from '@/server/db'
import { makeActor } from '../support/factories'
import { ensureManagerSettings } from './manager-support'
import { ACTION_INPUTS } from './security-inputs'
import { listShopSkillOptions } from '@/server/catalog/list-shop-skill-options'
import { setProductSkill } from '@/server/catalog/set-product-skill'
import { createShopSkill } from '@/server/shop-skills/create-shop-skill'
import { getSkillGaps } from '@/server/shop-skills/get-skill-gaps'
import { listShopSkills } from '@/server/shop-skills/list-shop-skills'
import { setShopSkillLevel } from '@/server/shop-skills/set-shop-skill-level'

const id = randomUUID()

// Every manager use case, with a well-formed input: the refusal must come from the permission check, first.
const TEAM_CASES: Array<[string, (a: Actor) => Promise<unknown>]> = [
  ['getCoverOverview', (a) => getCoverOverview(a)],
  ['getDayCover', (a) => getDayCover(a, { day: '2026-11-27' })],
  ['getPracticeEvidence', (a) => getPracticeEvidence(a)],
  ['getCrossRoleWork', (a) => getCrossRoleWork(a)],
  ['getSkillsMatrix', (a) => getSkillsMatrix(a)],
  ['setSkillLevel', (a) => setSkillLevel(a, { userId: a.id, task: 'MANAGE_TEAM', level: 3 })],
  ['listTeam', (a) => listTeam(a)],
  [
    'createStaff',
    (a) => createStaff(a, { name: 'X', email: 'x@test.example', homeRole: 'MANAGER', password: 'a long unusual passphrase' }),
  ],
  ['setHomeRole', (a) => setHomeRole(a, { userId: a.id, homeRole: 'MANAGER' })],
  ['resetPassword', (a) => resetPassword(a, { userId: id, password: 'a long unusual passphrase' })],
  ['setStaffActive', (a) => setStaffActive(a, { userId: id, active: false })],
  ['listTrainingGoals', (a) => listTrainingGoals(a)],
  ['createTrainingGoal', (a) => createTrainingGoal(a, { userId: a.id, task: 'INVOICE', targetLevel: 2 })],
  ['markTrainingGoalAchieved', (a) => markTrainingGoalAchieved(a, { goalId: id })],
  ['getReassignment', (a) => getReassignment(a, { userId: id })],
  ['reassignOrders', (a) => reassignOrders(a, { fromUserId: id, toUserId: a.id })],
  ['listAbsences', (a) => listAbsences(a)],
  ['recordAbsence', (a) => recordAbsence(a, { userId: id, kind: 'SICK', startsAt: '2026-11-27T08:00', endsAt: '2026-11-27T12:00' })],
  ['endAbsence', (a) => endAbsence(a, { absenceId: id })],
  ['getKpis', (a) => getKpis(a)],
  ['listShopSkills', (a) => listShopSkills(a)],
  ['getSkillGaps', (a) => getSkillGaps(a)],
  ['createShopSkill', (a) => createShopSkill(a, { nameVi: 'Hack', nameEn: 'Hack' })],
  ['setShopSkillLevel', (a) => setShopSkillLevel(a, { userId: a.id, skillId: id, level: 3 })],
  // The same valid settings the authorization matrix sends (security-inputs.ts), so only the actor decides.
  ['updateSettings', (a) => updateSettings(a, { ...ACTION_INPUTS['actions/team.ts#updateSettingsAction']!(), name: 'Hacked' } as never)],
]
const CATALOG_CASES: Array<[string, (a: Actor) => Promise<unknown>]> = [
  ['listProducts', (a) => listProducts(a)],
  ['createProduct', (a) => createProduct(a, { ...ACTION_INPUTS['actions/catalog.ts#createProductAction']!(), sku: 'HACK' } as never)],
  [
    'updateProduct',
    (a) => updateProduct(a, { ...ACTION_INPUTS['actions/catalog.ts#updateProductAction']!(), productId: id, sku: 'HACK' } as never),
  ],
  ['setProductActive', (a) => setProductActive(a, { productId: id, active: false })],
  ['setProductSkill', (a) => setProductSkill(a, { productId: id, skillId: null })],
  ['listShopSkillOptions', (a) => listShopSkillOptions(a)],
]

let receptionist: Actor
let backOffice: Actor
let counterCatalog: Actor
beforeAll(async () => {
  await ensureManagerSettings()
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
  // Hùng-like: back office, covering the counter, even recorded at INVOICE 3.
  backOffice = await makeActor({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 2, HANDLE_PICKUP: 2, MANAGE_TEAM: 1 } })
  // Hà-like: a receptionist certified for the catalog, but not for the team.
  counterCatalog = await makeActor({ homeRole: 'RECEPTIONIST', skills: { MANAGE_CATALOG: 2 } })
})

describe('only managers reach the manager use cases', () => {
  it.each(TEAM_CASES)('%s refuses a receptionist and a back-office worker', async (_name, call) => {
    for (const actor of [receptionist, backOffice, counterCatalog]) {
      await expect(call(actor)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it.each(CATALOG_CASES)('%s refuses those without MANAGE_CATALOG', async (_name, call) => {
    for (const actor of [receptionist, backOffice]) {
      await expect(call(actor)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('lets a receptionist certified for the catalog manage products', async () => {
    await expect(listProducts(counterCatalog)).resolves.toMatchObject({ products: [] })
  })

  it('changed nothing while refusing', async () => {
    expect(await db().product.count({ where: { sku: 'HACK' } })).toBe(0)
    expect(await db().shopSkill.count()).toBe(0)
    expect(await db().user.count({ where: { email: 'x@test.example' } })).toBe(0)
    expect((await db().businessSettings.findUniqueOrThrow({ where: { id: 1 } })).name).not.toBe('Hacked')
  })
})
