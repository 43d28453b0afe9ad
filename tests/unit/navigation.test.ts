import { describe, expect, it } from 'vitest'
import { areaEntry, areaLinks, MANAGER_PAGES, managerPagesFor } from '@/domain/navigation'
import { areasFor, can, canUseArea, homeRoleSkills, HOME_ROLES, SKILL_LEVELS, type Capable } from '@/domain/permissions'

// Hà in the demo: a receptionist who may also manage the catalog (MANAGE_CATALOG 2), not the team.
const ha: Capable = {
  homeRole: 'RECEPTIONIST',
  skills: { TAKE_ORDER: 3, HANDLE_PICKUP: 3, CUSTOMER_SERVICE: 3, RECORD_PAYMENT: 2, INVOICE: 1, MANAGE_CATALOG: 2 },
}
const manager: Capable = { homeRole: 'MANAGER', skills: homeRoleSkills('MANAGER') }
const receptionist: Capable = { homeRole: 'RECEPTIONIST', skills: homeRoleSkills('RECEPTIONIST') }

describe('where the menu leads', () => {
  it('a receptionist certified for the catalog is led to the catalog, not the overview that would refuse her', () => {
    expect(areaEntry(ha, 'manager')).toBe('/manager/catalog')
    expect(managerPagesFor(ha).map((p) => p.key)).toEqual(['catalog'])
    expect(areaLinks(ha)).toEqual([
      { area: 'front', href: '/front' },
      { area: 'back', href: '/back' },
      { area: 'manager', href: '/manager/catalog' },
    ])
  })

  it('a manager starts at the overview and has every manager page', () => {
    expect(areaEntry(manager, 'manager')).toBe('/manager')
    expect(managerPagesFor(manager)).toEqual(MANAGER_PAGES)
  })

  it('an area the person may not use has no link', () => {
    expect(areaEntry(receptionist, 'manager')).toBeNull()
    expect(areaEntry(receptionist, 'back')).toBeNull()
    expect(areaLinks(receptionist)).toEqual([{ area: 'front', href: '/front' }])
  })

  it('someone who manages the team but not the catalog does not see the catalog', () => {
    const lead: Capable = { homeRole: 'BACK_OFFICE', skills: { MANAGE_TEAM: 2, MANAGE_CATALOG: 0 } }
    expect(areaEntry(lead, 'manager')).toBe('/manager')
    expect(managerPagesFor(lead).map((p) => p.key)).not.toContain('catalog')
  })

  // Every home role × every level of the two manager tasks: the menu shows exactly the areas the guards let the person
  // use, and each link goes to a page whose task the person has.
  const people = HOME_ROLES.flatMap((homeRole) =>
    SKILL_LEVELS.flatMap((team) =>
      SKILL_LEVELS.map((catalog): Capable => ({ homeRole, skills: { MANAGE_TEAM: team, MANAGE_CATALOG: catalog } })),
    ),
  )
  it.each(people.map((p) => [p.homeRole, p.skills.MANAGE_TEAM, p.skills.MANAGE_CATALOG, p] as const))(
    '%s, MANAGE_TEAM %i, MANAGE_CATALOG %i: every link is allowed',
    (_role, _team, _catalog, person) => {
      const links = areaLinks(person)
      expect(links.map((l) => l.area)).toEqual(areasFor(person))
      for (const { area, href } of links) {
        expect(canUseArea(person, area)).toBe(true)
        if (area === 'manager') {
          const page = MANAGER_PAGES.find((p) => p.href === href)
          expect(page && can(person, page.task)).toBe(true)
        } else {
          expect(href).toBe(`/${area}`)
        }
      }
    },
  )
})
