'use client'

import { useLocale, useTranslations } from 'next-intl'
import { shopSkillName } from '@/domain/shop-skills'
import { alertBadgeClass } from '@/components/ui/styles'
import type { LineMakersDTO } from '@/server/shop-skills/skill-needs'

/** Lines still to make that need a shop skill (ADR 014), each with who here can make it, or a warning when nobody
 * here can. Shared by the workshop queue and the manager's overview. */
export function SkillLines({ lines }: { lines: LineMakersDTO[] }) {
  const t = useTranslations('back.skills')
  const locale = useLocale()
  if (lines.length === 0) return null
  return (
    <ul className="mt-1 space-y-0.5 text-xs" data-testid="skill-lines">
      {lines.map((l) => (
        <li key={l.lineId} className={l.makers.length === 0 ? 'font-medium text-red-800' : 'text-slate-600'}>
          {t('line', { line: l.description, skill: shopSkillName(l.skill, locale) })}{' '}
          {l.makers.length === 0 ? t('nobodyHere') : t('makers', { names: l.makers.map((m) => m.name).join(', ') })}
        </li>
      ))}
    </ul>
  )
}

/** The queue's flag for an order nobody present can make. */
export function SkillGapBadge() {
  const t = useTranslations('back.skills')
  return (
    <span className={alertBadgeClass} data-testid="skill-gap">
      {t('gap')}
    </span>
  )
}
