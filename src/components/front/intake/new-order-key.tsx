'use client'

import { usePathname, useRouter } from 'next/navigation'
import { useEffect } from 'react'

export const NEW_ORDER_PATH = '/front/orders/new'

/**
 * Alt+O opens a new order from any counter page (by physical key, e.code: the same key on every layout; no browser,
 * Firefox menu or screen-reader shortcut uses it). On the intake itself it does nothing: it would throw away what is
 * being typed.
 */
export function NewOrderKey() {
  const router = useRouter()
  const pathname = usePathname()
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.code !== 'KeyO') return
      e.preventDefault()
      if (pathname !== NEW_ORDER_PATH) router.push(NEW_ORDER_PATH)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [pathname, router])
  return null
}
