// The counter's product search, run in the browser against the active catalog it holds (issue 14: adding a line must
// not wait for a server round trip). Same matching as the server's search (src/server/catalog/search-products.ts):
// the query and "sku name" folded by foldForSearch, every word somewhere in it, at most 6 words; SKUs typed from their
// start first, then names starting with the query, then by name. tests/integration/catalog-search.test.ts checks
// that both give the same answers on the demo catalog.
import { foldForSearch, searchTerms } from './search'

export const CATALOG_SEARCH_LIMIT = 8
const MAX_TERMS = 6

export interface CatalogEntry<P> {
  product: P
  /** Folded "sku name": what every query word is looked for in. */
  text: string
  sku: string
  name: string
}

/** Folds each product once, so a search is a scan of ready strings (a few thousand products in well under 1 ms). */
export function indexCatalog<P extends { sku: string; name: string }>(products: readonly P[]): CatalogEntry<P>[] {
  return products.map((product) => ({
    product,
    text: foldForSearch(`${product.sku} ${product.name}`),
    sku: product.sku.toLowerCase(),
    name: foldForSearch(product.name),
  }))
}

/** The products a query finds, best first; none for a blank query. */
export function findInCatalog<P extends { name: string }>(
  catalog: readonly CatalogEntry<P>[],
  query: string,
  limit = CATALOG_SEARCH_LIMIT,
): P[] {
  const terms = searchTerms(query).slice(0, MAX_TERMS)
  if (terms.length === 0) return []
  const folded = terms.join(' ')
  const hits = catalog.filter((entry) => terms.every((term) => entry.text.includes(term)))
  const rank = (e: CatalogEntry<P>) => (e.sku.startsWith(folded) ? 0 : 2) + (e.name.startsWith(folded) ? 0 : 1)
  return hits
    .map((entry) => ({ entry, rank: rank(entry) }))
    .sort((a, b) => a.rank - b.rank || compareNames(a.entry.product.name, b.entry.product.name))
    .slice(0, limit)
    .map((h) => h.entry.product)
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
