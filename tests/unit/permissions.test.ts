import { describe, expect, it } from 'vitest'
import {
  areasFor,
  BILLING_READERS,
  callerTasks,
  can,
  canOverridePrice,
  canUseArea,
  DESK_TASKS,
  homeRoleSkills,
  isCrossRole,
  levelOf,
  mayCall,
  ORDER_READERS,
  QUEUE_READERS,
  qualified,
  TASKS,
  type Capable,
} from '@/domain/permissions'

// Established staff: certified in their home role's tasks (what the migration of ADR 013 recorded).
const receptionist: Capable = { homeRole: 'RECEPTIONIST', skills: homeRoleSkills('RECEPTIONIST') }
const backOffice: Capable = { homeRole: 'BACK_OFFICE', skills: homeRoleSkills('BACK_OFFICE') }
const manager: Capable = { homeRole: 'MANAGER', skills: homeRoleSkills('MANAGER') }

describe('permissions follow skills', () => {
  it('a new person holds nothing, not even their home role, until someone certifies it (ADR 013)', () => {
    for (const homeRole of ['RECEPTIONIST', 'BACK_OFFICE'] as const) {
      const newHire: Capable = { homeRole, skills: {} }
      for (const task of TASKS) {
        expect(levelOf(newHire, task)).toBe(0)
        expect(can(newHire, task)).toBe(false)
        expect(qualified(newHire, task)).toBe(false)
      }
      expect(areasFor(newHire)).toEqual([])
    }
    const certified: Capable = { homeRole: 'BACK_OFFICE', skills: { FULFILL: 2 } }
    expect(can(certified, 'FULFILL')).toBe(true)
    expect(can(certified, 'INVOICE')).toBe(false)
  })

  it('established staff hold their home role at the migrated expert level', () => {
    expect(levelOf(receptionist, 'TAKE_ORDER')).toBe(3)
    expect(can(receptionist, 'TAKE_ORDER')).toBe(true)
    expect(can(receptionist, 'FULFILL')).toBe(false)
    expect(can(backOffice, 'INVOICE')).toBe(true)
    expect(can(backOffice, 'TAKE_ORDER')).toBe(false)
  })

  it('a recorded level decides, both ways', () => {
    const operator: Capable = { homeRole: 'BACK_OFFICE', skills: { ...homeRoleSkills('BACK_OFFICE'), INVOICE: 0, TAKE_ORDER: 2 } }
    expect(can(operator, 'INVOICE')).toBe(false)
    expect(can(operator, 'TAKE_ORDER')).toBe(true)
    expect(can(operator, 'FULFILL')).toBe(true)
  })

  it.each([
    [0, false],
    [1, false],
    [2, true],
    [3, true],
  ])('level %i outside the home role grants the task: %s', (level, allowed) => {
    expect(can({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: level } }, 'TAKE_ORDER')).toBe(allowed)
    expect(qualified({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: level } }, 'TAKE_ORDER')).toBe(allowed)
  })

  it('managers may do every task but are qualified (cover) only by their skills', () => {
    for (const task of TASKS) expect(can(manager, task)).toBe(true)
    expect(qualified(manager, 'MANAGE_TEAM')).toBe(true)
    expect(qualified(manager, 'INVOICE')).toBe(false)
    expect(qualified({ homeRole: 'MANAGER', skills: { INVOICE: 2 } }, 'INVOICE')).toBe(true)
  })

  it('work outside the home role is cross-role, also for managers', () => {
    expect(isCrossRole(backOffice, 'TAKE_ORDER')).toBe(true)
    expect(isCrossRole(backOffice, 'FULFILL')).toBe(false)
    expect(isCrossRole(manager, 'INVOICE')).toBe(true)
    expect(isCrossRole(manager, 'MANAGE_TEAM')).toBe(false)
  })

  it('areas appear when any of their tasks is allowed', () => {
    expect(areasFor(receptionist)).toEqual(['front'])
    expect(areasFor({ homeRole: 'BACK_OFFICE', skills: { ...homeRoleSkills('BACK_OFFICE'), HANDLE_PICKUP: 2 } })).toEqual(['front', 'back'])
    expect(areasFor(manager)).toEqual(['front', 'back', 'manager'])
    expect(canUseArea(backOffice, 'manager')).toBe(false)
  })

  it('price override needs catalog rights or counter expertise', () => {
    expect(canOverridePrice(manager)).toBe(true)
    expect(canOverridePrice(receptionist)).toBe(true)
    expect(canOverridePrice({ homeRole: 'RECEPTIONIST', skills: { TAKE_ORDER: 2 } })).toBe(false)
    expect(canOverridePrice({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 2 } })).toBe(false)
  })
})

describe('who may call a use case (its declared tasks)', () => {
  const trainee: Capable = { homeRole: 'RECEPTIONIST', skills: { RECORD_PAYMENT: 1, INVOICE: 2 } }

  it("'signed-in' lets any staff member call, and names no task", () => {
    for (const person of [receptionist, backOffice, manager]) expect(mayCall(person, 'signed-in')).toBe(true)
    expect(callerTasks('signed-in')).toEqual([])
  })

  it('one task, or any one of several', () => {
    expect(mayCall(receptionist, 'FULFILL')).toBe(false)
    expect(mayCall(backOffice, 'FULFILL')).toBe(true)
    expect(mayCall(receptionist, ['HANDLE_PICKUP', 'RECORD_PAYMENT'])).toBe(true)
    expect(mayCall(backOffice, ['HANDLE_PICKUP', 'RECORD_PAYMENT'])).toBe(true)
    // Level 1 grants nothing; level 2 covers.
    expect(mayCall(trainee, ['RECORD_PAYMENT'])).toBe(false)
    expect(mayCall(trainee, BILLING_READERS)).toBe(true)
    expect(callerTasks('INVOICE')).toEqual(['INVOICE'])
  })

  it('the shared task groups: the desk and the back office together read orders', () => {
    expect(new Set(ORDER_READERS)).toEqual(new Set([...DESK_TASKS, ...QUEUE_READERS]))
    expect(ORDER_READERS.some((task) => can(receptionist, task)) && ORDER_READERS.some((task) => can(backOffice, task))).toBe(true)
    expect(DESK_TASKS.some((task) => can(backOffice, task))).toBe(false)
  })
})
