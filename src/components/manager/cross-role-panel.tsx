import { getFormatter, getTranslations } from 'next-intl/server'
import { percentChange } from '@/domain/kpis'
import { TASKS } from '@/domain/permissions'
import type { CrossRoleWorkDTO } from '@/server/coverage/get-cross-role-work'
import { Section } from '@/components/ui/section'
import { Bar } from './visuals'
import { TableHead } from '@/components/ui/table'
import { columnsFrom } from '@/components/ui/table-columns'

/** Proof that cross-training is used: orders handled this week by people covering another role. */
export async function CrossRolePanel({ data }: { data: CrossRoleWorkDTO }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.crossRole'), getTranslations('common'), getFormatter()])
  const w = data.thisWeek
  const change = percentChange(w.total, data.lastWeek.total)
  const tasks = TASKS.filter((task) => w.byTask[task] > 0 || data.lastWeek.byTask[task] > 0)
  const max = Math.max(1, ...tasks.map((task) => Math.max(w.byTask[task], data.lastWeek.byTask[task])))
  return (
    <Section
      id="cross-role-title"
      title={t('title')}
      explain={t('explain', { from: format.dateTime(new Date(w.from), { weekday: 'long', day: 'numeric', month: 'numeric' }) })}
      data-testid="cross-role"
    >
      <p className="mt-3 flex flex-wrap items-baseline gap-x-3">
        <span className="text-3xl font-bold tabular-nums">{w.total}</span>
        <span className="text-sm text-slate-700">{t('ordersThisWeek', { count: w.total })}</span>
        <span className="text-sm text-slate-500">
          {change === null
            ? t('lastWeekNone', { count: data.lastWeek.total })
            : t('vsLastWeek', {
                count: data.lastWeek.total,
                change: format.number(change, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }),
              })}
        </span>
      </p>
      {tasks.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">{t('byTaskCaption')}</caption>
          <TableHead
            rowClassName="text-left text-xs text-slate-600"
            cellClassName="py-1 font-semibold"
            columns={columnsFrom(t, ['task', 'thisWeek', 'lastWeek'])}
          />
          <tbody>
            {tasks.map((task) => (
              <tr key={task} data-testid={`cross-role-${task}`}>
                <th scope="row" className="w-1/3 py-1 pr-2 text-left font-medium">
                  {common(`tasks.${task}`)}
                </th>
                <td className="py-1 pr-3">
                  <Bar value={w.byTask[task]} max={max} tone="bg-violet-500" label={String(w.byTask[task])} />
                </td>
                <td className="py-1">
                  <Bar value={data.lastWeek.byTask[task]} max={max} tone="bg-slate-400" label={String(data.lastWeek.byTask[task])} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {w.byPerson.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t('byWhom')}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {w.byPerson.map((p) => (
              <li key={p.person.id}>
                <span className="font-medium">{p.person.name}</span>{' '}
                <span className="text-slate-500">({common(`roles.${p.person.homeRole}`)})</span>:{' '}
                {w.rows
                  .filter((r) => r.person.id === p.person.id)
                  .map((r) => `${common(`tasks.${r.task}`)} ${r.count}`)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  )
}
