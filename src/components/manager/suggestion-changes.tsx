import { getFormatter, getTranslations } from 'next-intl/server'
import type { RosterSuggestionDTO } from '@/server/roster/get-roster-suggestion'

/** Each change of the suggested roster in words: what moves, and what it buys. */
export async function SuggestionChanges({ changes }: { changes: RosterSuggestionDTO['changes'] }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.roster.suggest'), getTranslations('common'), getFormatter()])
  if (changes.length === 0) return <p className="mt-1 text-sm text-slate-600">{t('noChanges')}</p>
  const day = (ymd: string) =>
    format.dateTime(new Date(`${ymd}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: 'UTC' })
  const blocks = (b: Array<[string, string]>) => b.map(([s, e]) => `${s}–${e}`).join(', ')
  return (
    <ul className="mt-2 space-y-1 text-sm" data-testid="suggestion-changes">
      {changes.map((c) => {
        const args = { name: c.name, day: day(c.day), before: blocks(c.before), after: blocks(c.after) }
        const what = c.before.length === 0 ? t('add', args) : c.after.length === 0 ? t('remove', args) : t('move', args)
        return (
          <li key={`${c.userId}-${c.day}`}>
            {what}{' '}
            {c.reason && (
              <span className="text-emerald-800">
                {t('reason', { task: common(`tasks.${c.reason.task}`), level: c.reason.level, start: c.reason.start, end: c.reason.end })}
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
