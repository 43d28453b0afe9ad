// Where the staff menu's links lead. Every page guards itself (src/server/auth/guard.ts); this only picks, for each
// area the person may use, a page of it they may open, so the menu never sends anyone to a 403.

import { AREAS, can, canUseArea, type Area, type Capable, type Task } from './permissions'

export interface NavPage {
  href: string
  /** Message key of the page's menu label (manager.nav.*). */
  key: string
  /** The task the page's guard asks for (requirePageTask). */
  task: Task
}

/** The manager area's pages in menu order, each with the task its page needs. */
export const MANAGER_PAGES: readonly NavPage[] = [
  { href: '/manager', key: 'overview', task: 'MANAGE_TEAM' },
  { href: '/manager/roster', key: 'roster', task: 'MANAGE_TEAM' },
  { href: '/manager/absences', key: 'absences', task: 'MANAGE_TEAM' },
  { href: '/manager/team', key: 'team', task: 'MANAGE_TEAM' },
  { href: '/manager/catalog', key: 'catalog', task: 'MANAGE_CATALOG' },
  { href: '/manager/kpis', key: 'kpis', task: 'MANAGE_TEAM' },
  { href: '/manager/cash', key: 'cash', task: 'MANAGE_TEAM' },
  { href: '/manager/settings', key: 'settings', task: 'MANAGE_TEAM' },
  { href: '/manager/api-tokens', key: 'apiTokens', task: 'MANAGE_TEAM' },
]

/** The manager pages this person's skills open (a receptionist certified for the catalog: just the catalog). */
export function managerPagesFor(person: Capable): NavPage[] {
  return MANAGER_PAGES.filter((page) => can(person, page.task))
}

/**
 * Where an area's link leads this person: the first page of it they may open, or null when they may not use the area.
 * The counter's and the back office's start pages open to anyone who may use the area (their guards accept any of the
 * area's tasks); the manager overview needs MANAGE_TEAM, so someone who only manages the catalog starts at the catalog.
 */
export function areaEntry(person: Capable, area: Area): string | null {
  if (!canUseArea(person, area)) return null
  if (area !== 'manager') return `/${area}`
  return managerPagesFor(person)[0]?.href ?? null
}

/** The main menu: the areas this person may use, in the usual order, each with where its link leads. */
export function areaLinks(person: Capable): Array<{ area: Area; href: string }> {
  return AREAS.flatMap((area) => {
    const href = areaEntry(person, area)
    return href ? [{ area, href }] : []
  })
}
