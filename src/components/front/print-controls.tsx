'use client'

import { useEffect, useRef, useState } from 'react'

/**
 * Prints the page. Focused on arrival, so Enter prints right after an order was taken; `focusAfter`: the id of what
 * gets the focus once the print dialog is closed (the ticket's "Next order", so the next Enter starts the next one).
 */
export function PrintButton({ label, autoFocus, focusAfter }: { label: string; autoFocus?: boolean; focusAfter?: string }) {
  return (
    <button
      type="button"
      autoFocus={autoFocus}
      onClick={() => {
        // window.print() returns when the dialog is closed.
        window.print()
        if (focusAfter) document.getElementById(focusAfter)?.focus()
      }}
      className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      data-testid="print-ticket"
    >
      {label}
    </button>
  )
}

const PX_PER_MM = 96 / 25.4

/**
 * A receipt printer's paper is 80 mm wide and as long as the ticket: the page height follows the rendered ticket, so
 * the printer neither cuts mid-ticket nor feeds a metre of blank paper. Before the measurement (and without
 * JavaScript) a generous fixed height applies.
 */
export function ReceiptPageSize({ targetId }: { targetId: string }) {
  const [heightMm, setHeightMm] = useState<number | null>(null)
  const observer = useRef<ResizeObserver | null>(null)
  useEffect(() => {
    const el = document.getElementById(targetId)
    if (!el) return
    observer.current = new ResizeObserver(([entry]) => {
      if (entry) setHeightMm(Math.ceil(entry.target.getBoundingClientRect().height / PX_PER_MM) + 10)
    })
    observer.current.observe(el)
    return () => observer.current?.disconnect()
  }, [targetId])
  return <style>{`@page { size: 80mm ${heightMm ?? 297}mm; margin: 0; }`}</style>
}
