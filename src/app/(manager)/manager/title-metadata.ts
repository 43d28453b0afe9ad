import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'

/** A page's generateMetadata: its title (the tab, the history) is the `title` message of the page's namespace. */
export function titleFrom(namespace: string) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations(namespace)
    return { title: t('title') }
  }
}
