'use client'

import Link from 'next/link'
import { useFormatter, useTranslations } from 'next-intl'
import type { SkillGapOrderDTO } from '@/server/shop-skills/get-skill-gaps'
import { SkillLines } from '@/components/back/skill-lines'
import { Section } from '@/components/ui/section'

/** The overview's flag: orders with work left that nobody present can make (a shop skill nobody here holds); nothing
 * when there are none. */
export function SkillGapsPanel({ orders }: { orders: SkillGapOrderDTO[] }) {
  const t = useTranslations('manager.skillGaps')
  const format = useFormatter()
  return orders.length === 0 ? null : (
    <Section id="skill-gaps-title" title={t('title')} explain={t('explain')} data-testid="skill-gaps">
      <ul className="mt-2 divide-y divide-slate-100">
        {orders.map((o) => (
          <li key={o.id} className="py-1.5 text-sm">
            <Link href={`/back/orders/${o.id}`} prefetch={false} className="font-mono font-semibold text-brand-700 hover:underline">
              {o.number}
            </Link>{' '}
            · {o.customerName} ·{' '}
            <span suppressHydrationWarning>
              {t('due', { when: format.dateTime(new Date(o.dueAt), { dateStyle: 'short', timeStyle: 'short' }) })}
            </span>
            <SkillLines lines={o.lines} />
          </li>
        ))}
      </ul>
    </Section>
  )
}
