'use client'

import { useEffect, type RefObject } from 'react'
import type { CustomerPickerHandle } from '../customer-picker'
import type { ProductPickerHandle } from '../product-picker'

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

/**
 * Shortcuts anywhere on the page. Alt+letter by physical key (e.code), so a layout or macOS Option-character does
 * not matter; none of these is a Chromium shortcut (Alt+D, Alt+E and Alt+F are, and are avoided), a Firefox menu
 * (Alt+F, E, V, S, B, T, H) or a screen reader's (NVDA, JAWS and Orca use Insert or Caps Lock, VoiceOver Ctrl+Option).
 * Alt+O (new order) is the counter's, in NewOrderKey.
 */
export function useIntakeShortcuts(refs: {
  form: RefObject<HTMLFormElement | null>
  customer: RefObject<CustomerPickerHandle | null>
  product: RefObject<ProductPickerHandle | null>
  dueQuick: RefObject<HTMLInputElement | null>
  deposit: RefObject<HTMLInputElement | null>
}) {
  useEffect(() => {
    const byCode: Record<string, () => void> = {
      KeyC: () => refs.customer.current?.focusSearch(),
      KeyN: () => refs.customer.current?.startNew(),
      KeyP: () => refs.product.current?.focus(),
      KeyW: () => refs.dueQuick.current?.focus(),
      KeyM: () => refs.deposit.current?.focus(),
    }
    function onKey(e: KeyboardEvent) {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const action = byCode[e.code]
        if (action) {
          e.preventDefault()
          action()
        }
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        refs.form.current?.requestSubmit()
      } else if (e.key === '/' && !isEditable(e.target)) {
        e.preventDefault()
        refs.customer.current?.focusSearch()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
    // The refs are the form's own and live as long as it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
