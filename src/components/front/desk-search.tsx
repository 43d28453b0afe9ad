'use client'

import { useTranslations } from 'next-intl'
import { usePathname, useRouter } from 'next/navigation'
import { useEffect, useRef, useState, useTransition } from 'react'
import { Kbd } from './kbd'

/**
 * The desk's one search box. Results are rendered by the server from ?q=, so a link to a search can be shared and the
 * back button works; typing updates the URL after a short pause. ↓ moves into the results, / comes back here.
 */
export function DeskSearch({ initial, resultsId }: { initial: string; resultsId: string }) {
  const t = useTranslations('front.desk')
  const router = useRouter()
  const pathname = usePathname()
  const inputRef = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState(initial)
  const [pending, start] = useTransition()

  useEffect(() => {
    if (value.trim() === initial.trim()) return
    const timer = setTimeout(() => {
      start(() => router.replace(value.trim() ? `${pathname}?q=${encodeURIComponent(value.trim())}` : pathname, { scroll: false }))
    }, 200)
    return () => clearTimeout(timer)
  }, [value, initial, pathname, router])

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const el = e.target as HTMLElement | null
      const editable = !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
      if (e.key === '/' && !editable) {
        e.preventDefault()
        inputRef.current?.focus()
        inputRef.current?.select()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault()
        start(() => router.replace(value.trim() ? `${pathname}?q=${encodeURIComponent(value.trim())}` : pathname, { scroll: false }))
      }}
    >
      <label htmlFor="desk-search" className="flex items-center justify-between text-sm font-medium text-slate-700">
        <span>{t('searchLabel')}</span>
        <span className="flex items-center gap-2 text-xs font-normal text-slate-500">
          <Kbd keys={['/']} /> <Kbd keys={['↓']} /> {t('searchKeys')}
        </span>
      </label>
      <div className="relative mt-1">
        <input
          ref={inputRef}
          id="desk-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          maxLength={100}
          value={value}
          placeholder={t('searchPlaceholder')}
          aria-controls={resultsId}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              const first = document.querySelector<HTMLElement>(`#${resultsId} [data-nav-item]`)
              if (first) {
                e.preventDefault()
                first.focus()
              }
            }
          }}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-500"
        />
        {pending && (
          <span className="absolute right-3 top-1/2 -translate-y-1/2 text-xs text-slate-500" role="status">
            {t('searching')}
          </span>
        )}
      </div>
    </form>
  )
}

/** Arrow keys between the links of a result list; ↑ on the first one goes back to the search box. */
export function ArrowNav({ id, children, className }: { id: string; children: React.ReactNode; className?: string }) {
  return (
    <div
      id={id}
      className={className}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
        const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-nav-item]')]
        const at = items.indexOf(document.activeElement as HTMLElement)
        if (at < 0) return
        e.preventDefault()
        const next = items[at + (e.key === 'ArrowDown' ? 1 : -1)]
        if (next) next.focus()
        else if (e.key === 'ArrowUp') document.getElementById('desk-search')?.focus()
      }}
    >
      {children}
    </div>
  )
}

/** Re-reads the server's data every so often while the page is visible (the ready list changes as work finishes). */
export function AutoRefresh({ seconds = 30 }: { seconds?: number }) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh()
    }, seconds * 1000)
    return () => clearInterval(timer)
  }, [router, seconds])
  return null
}
