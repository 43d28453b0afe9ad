import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Money } from '@/components/money'
import { ColumnTable } from '@/components/ui/column-table'
import type { CashDifferencesDTO } from '@/server/cash/list-cash-differences'

const differenceClass = (n: number) => (n === 0 ? 'text-emerald-700' : 'font-semibold text-red-700')

/** Per person and day: sessions, total difference and the largest one. */
export async function DifferenceSummaries({ data }: { data: CashDifferencesDTO }) {
  const t = await getTranslations('cash.manager')
  const difference = (n: number) => <Money amount={n} currency={data.currency} className={differenceClass(n)} />
  return (
    <ColumnTable
      caption={t('perPerson')}
      className="min-w-[36rem]"
      rows={data.summaries}
      rowKey={(s) => `${s.day}-${s.personId}`}
      rowTestId="difference-row"
      columns={[
        { label: t('day'), cell: (s) => s.day },
        { label: t('person'), cell: (s) => s.personName },
        { label: t('sessions'), end: true, cell: (s) => s.sessions },
        { label: t('total'), end: true, cell: (s) => difference(s.total) },
        { label: t('worst'), end: true, cell: (s) => difference(s.worst) },
      ]}
    />
  )
}

/** Every closed session of the range with its Z report. */
export async function ClosedSessions({ data }: { data: CashDifferencesDTO }) {
  const t = await getTranslations('cash.manager')
  const money = (n: number, className?: string) => <Money amount={n} currency={data.currency} className={className} />
  return (
    <ColumnTable
      caption={t('allSessions')}
      className="min-w-[48rem]"
      rows={data.sessions}
      rowKey={(s) => s.id}
      columns={[
        {
          label: t('day'),
          cell: (s) => (
            <Link
              href={`/front/drawer/sessions/${s.id}`}
              className="underline underline-offset-2"
              aria-label={`${t('report')} ${s.day} ${s.drawer}`}
            >
              {s.day}
            </Link>
          ),
        },
        { label: t('drawer'), cell: (s) => s.drawer },
        { label: t('person'), cell: (s) => s.openedBy },
        { label: t('closedBy'), cell: (s) => s.closedBy },
        { label: t('expected'), end: true, cell: (s) => money(s.expected) },
        { label: t('counted'), end: true, cell: (s) => money(s.counted) },
        { label: t('difference'), end: true, cell: (s) => money(s.difference, differenceClass(s.difference)) },
        { label: t('note'), className: 'max-w-[16rem] text-slate-700', cell: (s) => s.note },
      ]}
    />
  )
}
