import { getTranslations } from 'next-intl/server'

/** A plain 404 for customers: no staff links, nothing about whether the order exists. */
export default async function TrackNotFound() {
  const t = await getTranslations('track')
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-slate-500">404</p>
        <h1 className="mt-1 text-2xl font-bold">{t('notFoundTitle')}</h1>
        <p className="mt-2 text-slate-600">{t('notFoundBody')}</p>
      </div>
    </main>
  )
}
