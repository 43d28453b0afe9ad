'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import type { Unfinished } from '@/domain/intake'
import { ShortcutButton } from '../kbd'

/**
 * Asked before an order is created with something unfinished (unfinishedInput): text left in the product search, a
 * quantity never confirmed. A modal dialog: the focus starts on "Back to the order" (the safe answer to a reflex
 * Enter), Escape means the same, and "Create anyway" is one Tab or Ctrl+Enter away.
 */
export function ConfirmSubmit({ items, onBack, onConfirm }: { items: Unfinished[]; onBack: () => void; onConfirm: () => void }) {
  const t = useTranslations('front.intake.confirm')
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      aria-labelledby="intake-confirm-title"
      aria-describedby="intake-confirm-list"
      className="m-auto max-w-md rounded-lg bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
      data-testid="intake-confirm"
      onCancel={(e) => {
        e.preventDefault()
        onBack()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          e.stopPropagation()
          onConfirm()
        }
      }}
    >
      <h2 id="intake-confirm-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <ul id="intake-confirm-list" className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
        {items.map((item) => (
          <li key={item.kind === 'productSearch' ? 'search' : `q${item.line}`}>
            {item.kind === 'productSearch' ? t('productSearch', { text: item.text }) : t('quantity', { n: item.line, name: item.name })}
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <ShortcutButton keys={['Esc']} autoFocus onClick={onBack} look="secondary">
          {t('back')}
        </ShortcutButton>
        <ShortcutButton keys={['Ctrl', 'Enter']} onClick={onConfirm} look="primary">
          {t('anyway')}
        </ShortcutButton>
      </div>
    </dialog>
  )
}
