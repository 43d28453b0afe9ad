import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import { DataTable } from '@/components/ui/table'
import type { CashDifferencesDTO } from '@/server/cash/list-cash-differences'

const cell = 'px-3 py-2'
const amountCell = 'px-3 py-2 text-right'
const differenceClass = (n: number) => (n === 0 ? 'text-emerald-700' : 'font-semibold text-red-700')

/** Per person and day: sessions, total difference and the largest one. */
export async function DifferenceSummaries({ data }: { data: CashDifferencesDTO }) {
  const t = await getTranslations('cash.manager')
  return (
    <DataTable
      caption={t('perPerson')}
      className="min-w-[36rem]"
      columns={[
        { label: t('day') },
        { label: t('person') },
        { label: t('sessions'), end: true },
        { label: t('total'), end: true },
        { label: t('worst'), end: true },
      ]}
    >
      {data.summaries.map((s) => (
        <tr key={`${s.day}-${s.personId}`} className="border-t border-slate-100" data-testid="difference-row">
          <td className={cell}>{s.day}</td>
          <td className={cell}>{s.personName}</td>
          <td className={amountCell}>{s.sessions}</td>
          <td className={amountCell}>
            <Money amount={s.total} currency={data.currency} className={differenceClass(s.total)} />
          </td>
          <td className={amountCell}>
            <Money amount={s.worst} currency={data.currency} className={differenceClass(s.worst)} />
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

/** Every closed session of the range with its Z report. */
export async function ClosedSessions({ data }: { data: CashDifferencesDTO }) {
  const t = await getTranslations('cash.manager')
  return (
    <DataTable
      caption={t('allSessions')}
      className="min-w-[48rem]"
      columns={[
        { label: t('day') },
        { label: t('drawer') },
        { label: t('person') },
        { label: t('closedBy') },
        { label: t('expected'), end: true },
        { label: t('counted'), end: true },
        { label: t('difference'), end: true },
        { label: t('note') },
      ]}
    >
      {data.sessions.map((s) => (
        <tr key={s.id} className="border-t border-slate-100">
          <td className={cell}>
            <Link
              href={`/front/drawer/sessions/${s.id}`}
              className="underline underline-offset-2"
              aria-label={`${t('report')} ${s.day} ${s.drawer}`}
            >
              {s.day}
            </Link>
          </td>
          <td className={cell}>{s.drawer}</td>
          <td className={cell}>{s.openedBy}</td>
          <td className={cell}>{s.closedBy}</td>
          <td className={amountCell}>
            <Money amount={s.expected} currency={data.currency} />
          </td>
          <td className={amountCell}>
            <Money amount={s.counted} currency={data.currency} />
          </td>
          <td className={amountCell}>
            <Money amount={s.difference} currency={data.currency} className={differenceClass(s.difference)} />
          </td>
          <td className={`${cell} max-w-[16rem] text-slate-700`}>{s.note}</td>
        </tr>
      ))}
    </DataTable>
  )
}
