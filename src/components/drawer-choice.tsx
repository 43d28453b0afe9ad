'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { createContext, useContext, useId, useState, type ReactNode } from 'react'
import { inputClass } from '@/components/ui/styles'

import type { OpenDrawersDTO } from '@/server/cash/list-open-drawers'

export type OpenDrawers = OpenDrawersDTO

/** The drawer a cash payment goes into by default: the one the cashier opened, else the first open one. */
export function defaultDrawer(drawers: OpenDrawers | null): string | null {
  if (!drawers) return null
  return (drawers.open.find((d) => d.mine) ?? drawers.open[0])?.id ?? null
}

/**
 * Where the cash goes (docs/decisions/017-cash-drawer.md): a choice of the open drawers, or — when none is open — why
 * cash cannot be taken yet and a link that opens one and comes back here (`returnTo`), never a dead end.
 */
export function DrawerChoice({
  drawers,
  value,
  onChange,
  returnTo,
}: {
  drawers: OpenDrawers
  value: string | null
  onChange: (drawerId: string) => void
  returnTo: string
}) {
  const t = useTranslations('cash.choose')
  const id = useId()
  if (drawers.open.length === 0)
    return (
      <div
        className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
        data-testid="no-open-drawer"
      >
        <p>{t('noneOpen')}</p>
        <Link
          href={`/front/drawer?next=${encodeURIComponent(returnTo)}`}
          className="mt-1 inline-block font-semibold underline underline-offset-2"
        >
          {t('openOne')}
        </Link>
      </div>
    )
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t('label')}
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} className={inputClass} data-testid="drawer-choice">
        {drawers.open.map((d) => (
          <option key={d.id} value={d.id}>
            {d.mine ? t('mine', { drawer: d.name }) : d.name}
          </option>
        ))}
      </select>
    </div>
  )
}

const OpenDrawersContext = createContext<OpenDrawers | null>(null)

/** The open drawers for the payment forms below it (the back office's layout reads them once per render). */
export function OpenDrawersProvider({ drawers, children }: { drawers: OpenDrawers | null; children: ReactNode }) {
  return <OpenDrawersContext.Provider value={drawers}>{children}</OpenDrawersContext.Provider>
}

/**
 * A cash form's drawer: the chosen one (`drawerId`, to send with cash), and its choice (`field`, to show when the
 * method is cash; null when the shop has no drawer), and whether cash must wait for a drawer to be opened (`missing`).
 * The drawers come from the nearest OpenDrawersProvider unless `given`.
 */
export function useDrawerChoice(returnTo = '/front/drawer', given?: OpenDrawers | null) {
  const fromContext = useContext(OpenDrawersContext)
  const drawers = given === undefined ? fromContext : given
  const [drawerId, setDrawerId] = useState(defaultDrawer(drawers))
  const field = drawers ? <DrawerChoice drawers={drawers} value={drawerId} onChange={setDrawerId} returnTo={returnTo} /> : null
  return { drawerId, field, missing: drawers !== null && drawerId === null }
}

export type DrawerChoiceState = ReturnType<typeof useDrawerChoice>
