'use client'

import { useTranslations } from 'next-intl'
import { Kbd } from '../kbd'

/** The intake's keyboard shortcuts, listed beside its title (each is shown again where it acts). */
export function ShortcutList() {
  const t = useTranslations('front.intake.shortcuts')
  const items: [string[], string][] = [
    [['Alt', 'C'], t('customer')],
    [['Alt', 'N'], t('newCustomer')],
    [['Alt', 'P'], t('product')],
    [['↑', '↓', 'Enter'], t('choose')],
    [['Alt', 'W'], t('due')],
    [['Alt', 'M'], t('deposit')],
    [['Ctrl', 'Enter'], t('submit')],
  ]
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label={t('title')} data-testid="shortcuts">
      {items.map(([keys, label]) => (
        <li key={label} className="flex items-center gap-1">
          <Kbd keys={keys} /> {label}
        </li>
      ))}
    </ul>
  )
}
