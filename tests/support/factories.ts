// Test factories: real rows through the same factories the demo seed uses, and the Actor the server would load.
import { randomBytes } from 'node:crypto'
import type { HomeRole, Task } from '@/domain/permissions'
import { hashPassword } from '@/server/auth/password'
import { loadActor, type Actor } from '@/server/auth/actor'
import { createCustomerRow, createStaffRow } from '@/server/seed/factories'

export const TEST_PASSWORD = 'correct horse battery staple'
let hashed: Promise<string> | undefined

export async function makeStaff(options: {
  homeRole: HomeRole
  skills?: Partial<Record<Task, number>>
  name?: string
  email?: string
  active?: boolean
}) {
  hashed ??= hashPassword(TEST_PASSWORD)
  const suffix = randomBytes(4).toString('hex')
  return createStaffRow({
    email: options.email ?? `${options.homeRole.toLowerCase()}-${suffix}@test.example`,
    name: options.name ?? `${options.homeRole} ${suffix}`,
    homeRole: options.homeRole,
    skills: options.skills,
    passwordHash: await hashed,
    active: options.active,
  })
}

export async function makeActor(options: Parameters<typeof makeStaff>[0]): Promise<Actor> {
  const user = await makeStaff(options)
  const actor = await loadActor(user.id, null)
  if (!actor) throw new Error('factory user could not be loaded')
  return actor
}

export function makeCustomer(overrides: { name?: string; phone?: string | null; email?: string | null } = {}) {
  return createCustomerRow({
    name: overrides.name ?? `Khách ${randomBytes(3).toString('hex')}`,
    phone: overrides.phone ?? null,
    email: overrides.email ?? null,
  })
}
