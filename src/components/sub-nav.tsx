'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

export type SubNavItem = { href: string; label: string }

export function SubNav({ items }: { items: SubNavItem[] }) {
  const pathname = usePathname()
  // The longest matching prefix is the current section; an area's start page (/front) counts only exactly, so a
  // page that belongs to no section (an order) highlights nothing rather than the wrong thing.
  const isRoot = (href: string) => href.split('/').filter(Boolean).length === 1
  const current = items
    .filter((i) => pathname === i.href || (!isRoot(i.href) && pathname.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]
  return (
    <div className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4 pb-2">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item === current ? 'page' : undefined}
          className={`whitespace-nowrap rounded-md px-3 py-1 text-sm ${item === current ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
        >
          {item.label}
        </Link>
      ))}
    </div>
  )
}
