'use client'

import { useEffect, useState } from 'react'

export type LookupFailure = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NETWORK' | 'OTHER'

export interface LookupState<T> {
  /** Results for the current URL, or the previous URL's while the new ones load (no flicker while typing). */
  results: T[]
  /** Whether `results` answer the current URL. */
  current: boolean
  loading: boolean
  failure: LookupFailure | null
}

// Answers are kept for a short while, so backspacing over a query shows its results at once. Module-level so every
// search box of the page shares them; `invalidateLookups` after a change (a new customer) drops them.
const TTL_MS = 30_000
const cache = new Map<string, unknown>()

export function invalidateLookups(prefix = ''): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key)
}

function remember(url: string, data: unknown): void {
  cache.set(url, data)
  setTimeout(() => {
    if (cache.get(url) === data) cache.delete(url)
  }, TTL_MS)
}

/** `/front/lookup/customers?q=…` style URL; '' when there is nothing to look up. */
export function lookupUrl(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v.trim() !== '') search.set(k, v.trim())
  return search.size === 0 ? '' : `${path}?${search.toString()}`
}

/**
 * As-you-type search against one of the counter's lookup routes: a short debounce, the previous request aborted when
 * the next key arrives, and failures reported as a reason (session ended, not allowed, offline) instead of thrown.
 */
export function useLookup<T>(url: string, delayMs = 60): LookupState<T> {
  const [state, setState] = useState<{ url: string; data: T[]; failure: LookupFailure | null }>({ url: '', data: [], failure: null })

  useEffect(() => {
    if (url === '' || cache.has(url)) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' }, cache: 'no-store' })
        const type = response.headers.get('content-type') ?? ''
        // A signed-out visitor is redirected to the login page (HTML): a session problem, not data.
        if (response.redirected || !type.includes('application/json')) {
          setState({ url, data: [], failure: 'UNAUTHENTICATED' })
          return
        }
        if (!response.ok) {
          setState({
            url,
            data: [],
            failure: response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'OTHER',
          })
          return
        }
        const data = (await response.json()) as T[]
        remember(url, data)
        setState({ url, data, failure: null })
      } catch (error) {
        if ((error as Error).name === 'AbortError') return
        setState({ url, data: [], failure: 'NETWORK' })
      }
    }, delayMs)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [url, delayMs])

  if (url === '') return { results: [], current: true, loading: false, failure: null }
  const hit = cache.get(url) as T[] | undefined
  if (hit) return { results: hit, current: true, loading: false, failure: null }
  if (state.url === url) return { results: state.data, current: true, loading: false, failure: state.failure }
  return { results: state.data, current: false, loading: true, failure: null }
}

/**
 * The answer for `url` now, for a key pressed before the debounced search answered (Enter right after typing): from
 * the cache, else fetched at once. Null when the lookup failed.
 */
export async function lookupNow<T>(url: string): Promise<T[] | null> {
  if (url === '') return []
  const hit = cache.get(url) as T[] | undefined
  if (hit) return hit
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' })
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return null
    const data = (await response.json()) as T[]
    remember(url, data)
    return data
  } catch {
    return null
  }
}
