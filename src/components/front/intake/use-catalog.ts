'use client'

import { useEffect, useMemo, useRef, useState } from 'react'
import { indexCatalog, type CatalogEntry } from '@/domain/catalog-search'
import type { CatalogDTO } from '@/server/catalog/get-active-catalog'
import type { ProductHitDTO } from '@/server/catalog/search-products'
import { lookupUrl } from '../use-lookup'

export type ActiveCatalog = { version: string; products: ProductHitDTO[] }

const REFRESH_MS = 60_000

/**
 * The active catalog held in the browser, searched locally (findInCatalog), so Enter always adds what is on screen.
 * It comes with the page and is checked again when the window regains focus and every minute (see getActiveCatalog
 * for why a version and not an ETag or a push): unchanged, only the version travels. A failed check keeps what is held.
 */
export function useCatalog(initial: ActiveCatalog): CatalogEntry<ProductHitDTO>[] {
  const [catalog, setCatalog] = useState(initial)
  const version = useRef(initial.version)

  useEffect(() => {
    let inFlight = false
    async function refresh() {
      if (inFlight) return
      inFlight = true
      try {
        const url = lookupUrl('/front/lookup/products', { known: version.current })
        const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' })
        if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return
        const data = (await response.json()) as CatalogDTO
        if (data.products && data.version !== version.current) {
          version.current = data.version
          setCatalog({ version: data.version, products: data.products })
        }
      } catch {
        // Offline for a moment: keep searching what is held.
      } finally {
        inFlight = false
      }
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh()
    }
    window.addEventListener('focus', refresh)
    document.addEventListener('visibilitychange', onVisible)
    const timer = setInterval(refresh, REFRESH_MS)
    return () => {
      window.removeEventListener('focus', refresh)
      document.removeEventListener('visibilitychange', onVisible)
      clearInterval(timer)
    }
  }, [])

  return useMemo(() => indexCatalog(catalog.products), [catalog])
}
