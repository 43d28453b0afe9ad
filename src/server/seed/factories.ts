import 'server-only'
import { customerSearchText, normalizeEmail, normalizePhone } from '@/domain/search'
import type { HomeRole, Task } from '@/domain/permissions'
import { db } from '../db'

// Row factories shared by the demo seed and the tests: the one place that knows which columns are derived
// (search text, normalised phone and email) when a row is written directly.

export async function createStaffRow(input: {
  email: string
  name: string
  homeRole: HomeRole
  passwordHash: string
  skills?: Partial<Record<Task, number>>
  active?: boolean
  locale?: 'en' | 'vi' | null
  certifiedById?: string
}): Promise<{ id: string; email: string; name: string; homeRole: HomeRole }> {
  const user = await db().user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      homeRole: input.homeRole,
      passwordHash: input.passwordHash,
      active: input.active ?? true,
      locale: input.locale ?? null,
      skills: {
        create: Object.entries(input.skills ?? {}).map(([task, level]) => ({ task: task as Task, level: level ?? 0, certifiedById: input.certifiedById ?? null })),
      },
    },
    select: { id: true, email: true, name: true, homeRole: true },
  })
  return user
}

export async function createCustomerRow(input: { name: string; phone?: string | null; email?: string | null; notes?: string | null }): Promise<{ id: string; name: string }> {
  const phone = input.phone ? normalizePhone(input.phone) : null
  const email = input.email ? normalizeEmail(input.email) : null
  return db().customer.create({
    data: { name: input.name.trim(), phone, email, notes: input.notes ?? null, searchText: customerSearchText({ name: input.name, phone, email }) },
    select: { id: true, name: true },
  })
}
