import Link from 'next/link'
import type { ReactNode } from 'react'
import { Kbd } from '@/components/front/kbd'

/** The way to a new order, showing its shortcut (Alt+O, handled by NewOrderKey on every counter page). */
export function NewOrderLink({ label, className, id, testId }: { label: ReactNode; className: string; id?: string; testId: string }) {
  return (
    <Link
      id={id}
      href="/front/orders/new"
      aria-keyshortcuts="Alt+O"
      className={`flex items-center gap-2 ${className}`}
      data-testid={testId}
    >
      {label}
      <Kbd keys={['Alt', 'O']} />
    </Link>
  )
}
