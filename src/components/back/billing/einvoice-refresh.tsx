'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** While an e-invoice waits for its provider, reads the page again every few seconds, so "issued" (with its number
 * and lookup code) appears without a reload. Rendered only while it waits. */
export function EInvoiceRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs)
    return () => clearInterval(timer)
  }, [router, everyMs])
  return null
}
