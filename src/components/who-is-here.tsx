import { getFormatter, getTranslations } from 'next-intl/server'
import type { WhoIsHereDTO } from '@/server/coverage/get-who-is-here'

/** The strip on the counter and the workshop queue: who is here now, and who is on a break until when. */
export async function WhoIsHere({ data }: { data: WhoIsHereDTO }) {
  const [t, format] = await Promise.all([getTranslations('common.whoIsHere'), getFormatter()])
  if (data.closed) return null
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' })
  return (
    <aside
      aria-label={t('title')}
      className="mb-4 flex flex-wrap gap-x-6 gap-y-1 rounded-lg bg-white px-4 py-2 text-sm ring-1 ring-slate-200"
      data-testid="who-is-here"
    >
      <p>
        <span className="font-semibold">{t('title')}:</span>{' '}
        {data.present.length === 0 ? t('nobody') : data.present.map((p) => p.name).join(', ')}
      </p>
      {data.onBreak.length > 0 && (
        <p data-testid="on-break">
          <span className="font-semibold text-amber-800">{t('onBreak')}:</span>{' '}
          {data.onBreak.map((b) => t('until', { name: b.name, time: time(b.until) })).join(', ')}
        </p>
      )}
    </aside>
  )
}
