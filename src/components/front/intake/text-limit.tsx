'use client'

import { useFormatter, useTranslations } from 'next-intl'

/** From this share of the limit on, the count shows while typing. */
const SHOW_FROM = 0.8

export function overLimit(text: string, max: number): boolean {
  return text.length > max
}

/**
 * The length of a note against its limit, shown as the limit approaches and in red beyond it: the field never cuts
 * what is typed or pasted (no maxLength), the order is refused until the text is shortened.
 */
export function TextLimit({ id, text, max, className }: { id: string; text: string; max: number; className?: string }) {
  const t = useTranslations('front.intake.limit')
  const format = useFormatter()
  const length = text.length
  if (length < max * SHOW_FROM) return null
  const over = length > max
  return (
    <p
      id={id}
      className={`mt-1 text-xs ${over ? 'font-medium text-red-700' : 'text-slate-600'} ${className ?? ''}`}
      aria-live="polite"
      data-testid="text-limit"
    >
      {over
        ? t('over', { length: format.number(length), max: format.number(max), extra: format.number(length - max) })
        : t('near', { length: format.number(length), max: format.number(max) })}
    </p>
  )
}
