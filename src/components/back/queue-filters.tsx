'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import { QUEUE_DUE, QUEUE_STATUSES, type QueueFilter } from '@/lib/schemas/fulfillment'
import { compactInputClass } from '@/components/ui/styles'

/**
 * The queue's filters as a plain GET form (works without JavaScript, the URL is shareable); with JavaScript a change
 * of a select applies at once. Search applies on Enter.
 */
export function QueueFilters({ filter, people, meId }: { filter: QueueFilter; people: Array<{ id: string; name: string }>; meId: string }) {
  const t = useTranslations('back.queue.filters')
  const router = useRouter()
  const form = useRef<HTMLFormElement>(null)
  const [due, setDue] = useState(filter.due)
  const apply = () => {
    const data = new FormData(form.current ?? undefined)
    const params = new URLSearchParams()
    for (const [key, value] of data) {
      const v = String(value).trim()
      if (v === '') continue
      if ((key === 'status' && v === 'todo') || (key === 'due' && v === 'any')) continue
      if (key === 'day' && data.get('due') !== 'day') continue
      params.set(key, v)
    }
    const qs = params.toString()
    router.replace(qs ? `/back?${qs}` : '/back')
  }
  const dirty = filter.status !== 'todo' || filter.due !== 'any' || filter.assignee !== undefined || filter.q !== undefined
  return (
    <form
      ref={form}
      method="get"
      action="/back"
      role="search"
      aria-label={t('label')}
      onSubmit={(e) => {
        e.preventDefault()
        apply()
      }}
      className="grid grid-cols-2 gap-3 rounded-lg bg-white p-3 ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-[minmax(12rem,2fr)_repeat(3,minmax(8rem,1fr))_auto]"
    >
      <label className="col-span-2 block text-sm font-medium text-slate-700 sm:col-span-3 lg:col-span-1">
        {t('search')}
        <input
          type="search"
          name="q"
          defaultValue={filter.q ?? ''}
          placeholder={t('searchPlaceholder')}
          className={compactInputClass}
          maxLength={100}
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t('status')}
        <select name="status" defaultValue={filter.status} onChange={apply} className={compactInputClass}>
          {QUEUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="block text-sm font-medium text-slate-700">
        <label htmlFor="queue-due">{t('due')}</label>
        <select
          id="queue-due"
          name="due"
          value={due}
          onChange={(e) => {
            setDue(e.target.value as QueueFilter['due'])
            if (e.target.value !== 'day') apply()
          }}
          className={compactInputClass}
        >
          {QUEUE_DUE.map((d) => (
            <option key={d} value={d}>
              {t(`dues.${d}`)}
            </option>
          ))}
        </select>
        {due === 'day' && (
          <input
            type="date"
            name="day"
            aria-label={t('day')}
            defaultValue={filter.day ?? ''}
            onChange={(e) => e.target.value && apply()}
            className={compactInputClass}
          />
        )}
      </div>
      <label className="block text-sm font-medium text-slate-700">
        {t('assignee')}
        <select name="assignee" defaultValue={filter.assignee ?? ''} onChange={apply} className={compactInputClass}>
          <option value="">{t('anyone')}</option>
          <option value="me">{t('me')}</option>
          <option value="none">{t('unassigned')}</option>
          {people
            .filter((p) => p.id !== meId)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      <div className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-1">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          {t('apply')}
        </button>
        {dirty && (
          <Link href="/back" className="rounded-md px-3 py-1.5 text-sm text-slate-700 underline-offset-2 hover:underline">
            {t('reset')}
          </Link>
        )}
      </div>
    </form>
  )
}
