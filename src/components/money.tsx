import { useLocale } from 'next-intl'
import { formatMoney } from '@/domain/money'

/** An amount in minor units, formatted for the reader's language in the business currency. */
export function Money({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  const locale = useLocale()
  return <span className={`tabular-nums ${className ?? ''}`}>{formatMoney(amount, currency, locale)}</span>
}
