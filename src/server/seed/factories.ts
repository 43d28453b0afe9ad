import 'server-only'
import { randomUUID } from 'node:crypto'
import { customerSearchText, normalizeEmail, normalizePhone } from '@/domain/search'
import { homeRoleSkills, type HomeRole, type Task } from '@/domain/permissions'
import type { Prisma } from '@/generated/prisma/client'
import { db } from '../db'

// Row factories shared by the demo seed and the tests: the one place that knows which columns are derived
// (search text, normalised phone and email) when a row is written directly. The `…RowData` functions build the rows
// (with their ids) for bulk inserts (createMany); the `create…Row` functions write one row.

export interface StaffInput {
  email: string
  name: string
  homeRole: HomeRole
  passwordHash: string
  /** Recorded levels. The rows these factories write are established staff, so any home-role task left out is
   * recorded at EXPERT_LEVEL (permissions.homeRoleSkills) (as the migration of ADR 013 did for existing people); a new hire through the
   * manager's form (createStaff) starts with nothing recorded. */
  skills?: Partial<Record<Task, number>>
  active?: boolean
  locale?: 'en' | 'vi' | null
  certifiedById?: string
}

export function staffRowData(input: StaffInput & { id?: string }): {
  user: Prisma.UserCreateManyInput & { id: string }
  skills: Prisma.SkillCreateManyInput[]
} {
  const id = input.id ?? randomUUID()
  return {
    user: {
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      homeRole: input.homeRole,
      passwordHash: input.passwordHash,
      active: input.active ?? true,
      locale: input.locale ?? null,
    },
    skills: Object.entries({ ...homeRoleSkills(input.homeRole), ...input.skills }).map(([task, level]) => ({
      userId: id,
      task: task as Task,
      level: level ?? 0,
      certifiedById: input.certifiedById ?? null,
    })),
  }
}

export async function createStaffRow(input: StaffInput): Promise<{ id: string; email: string; name: string; homeRole: HomeRole }> {
  const { user, skills } = staffRowData(input)
  return db().user.create({
    data: { ...user, skills: { create: skills.map((s) => ({ task: s.task, level: s.level, certifiedById: s.certifiedById })) } },
    select: { id: true, email: true, name: true, homeRole: true },
  })
}

export interface CustomerInput {
  name: string
  phone?: string | null
  email?: string | null
  notes?: string | null
}

export function customerRowData(input: CustomerInput & { id?: string }): Prisma.CustomerCreateManyInput & { id: string } {
  const phone = input.phone ? normalizePhone(input.phone) : null
  const email = input.email ? normalizeEmail(input.email) : null
  return {
    id: input.id ?? randomUUID(),
    name: input.name.trim(),
    phone,
    email,
    notes: input.notes ?? null,
    searchText: customerSearchText({ name: input.name, phone, email }),
  }
}

export async function createCustomerRow(input: CustomerInput): Promise<{ id: string; name: string }> {
  return db().customer.create({ data: customerRowData(input), select: { id: true, name: true } })
}

/** A VAT category with its schedule (docs/decisions/021), created or found by its code. */
export async function taxCategoryRow(
  input: { code: string; name: string; exempt?: boolean; periods: ReadonlyArray<{ validFrom: string; rateBp: number }> },
  client: Pick<ReturnType<typeof db>, 'taxCategory'> = db(),
): Promise<{ id: string }> {
  return client.taxCategory.upsert({
    where: { code: input.code },
    update: {},
    create: {
      code: input.code,
      name: input.name,
      exempt: input.exempt ?? false,
      periods: { create: input.periods.map((p) => ({ validFrom: new Date(`${p.validFrom}T00:00:00Z`), rateBp: p.rateBp })) },
    },
    select: { id: true },
  })
}

/** A category with one rate for ever (tests, and products whose rate never changes). */
export async function fixedRateCategoryId(rateBp: number, client?: Pick<ReturnType<typeof db>, 'taxCategory'>): Promise<string> {
  const { id } = await taxCategoryRow(
    { code: `rate-${rateBp}`, name: `${rateBp / 100} %`, periods: [{ validFrom: '2000-01-01', rateBp }] },
    client,
  )
  return id
}

/** The demo's (and a new Vietnamese shop's) categories: Decree 174/2025 keeps the standard rate at 8 % until
 * 2026-12-31, then it is 10 % again; 5 % and 0 % do not change; some supplies are not subject to VAT at all. */
export const VN_TAX_CATEGORIES = [
  {
    code: 'standard',
    name: 'Thuế suất phổ thông',
    periods: [
      { validFrom: '2000-01-01', rateBp: 800 },
      { validFrom: '2027-01-01', rateBp: 1000 },
    ],
  },
  { code: 'reduced-5', name: 'Thuế suất 5 %', periods: [{ validFrom: '2000-01-01', rateBp: 500 }] },
  { code: 'zero', name: 'Thuế suất 0 %', periods: [{ validFrom: '2000-01-01', rateBp: 0 }] },
  { code: 'exempt', name: 'Không chịu thuế GTGT', exempt: true, periods: [{ validFrom: '2000-01-01', rateBp: 0 }] },
] as const
