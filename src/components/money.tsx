import { useLocale } from 'next-intl'
import { formatMoney } from '@/domain/money'

/** An amount in minor units, formatted for the reader's language in the business currency. */
export function Money({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  const locale = useLocale()
  return <span className={`tabular-nums ${className ?? ''}`}>{formatMoney(amount, currency, locale)}</span>
}

/** A table cell holding one amount (the cell's own classes set its padding and alignment). */
export function MoneyCell({ amount, currency, className }: { amount: number; currency: string; className: string }) {
  return (
    <td className={className}>
      <Money amount={amount} currency={currency} />
    </td>
  )
}
