'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { usePathname } from 'next/navigation'
import { useEffect, useRef } from 'react'

export type SubNavItem = { href: string; label: string }

export function SubNav({ items }: { items: SubNavItem[] }) {
  const t = useTranslations('common.nav')
  const pathname = usePathname()
  const currentRef = useRef<HTMLAnchorElement>(null)
  // The longest matching prefix is the current section; an area's start page (/front) counts only exactly, so a
  // page that belongs to no section (an order) highlights nothing rather than the wrong thing.
  const isRoot = (href: string) => href.split('/').filter(Boolean).length === 1
  const current = items
    .filter((i) => pathname === i.href || (!isRoot(i.href) && pathname.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]

  // On a phone the sections scroll sideways: bring the current one into view rather than leave it cut off at the edge.
  useEffect(() => {
    const link = currentRef.current
    const strip = link?.parentElement
    if (!link || !strip) return
    const l = link.getBoundingClientRect()
    const s = strip.getBoundingClientRect()
    if (l.right > s.right) strip.scrollLeft += l.right - s.right + 16
    else if (l.left < s.left) strip.scrollLeft -= s.left - l.left + 16
  }, [current?.href])

  return (
    <nav aria-label={t('sections')} className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4 pb-2">
      {items.map((item) => (
        <Link
          key={item.href}
          ref={item === current ? currentRef : undefined}
          href={item.href}
          aria-current={item === current ? 'page' : undefined}
          className={`whitespace-nowrap rounded-md px-3 py-1 text-sm ${item === current ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  )
}
