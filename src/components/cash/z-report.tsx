import { getFormatter, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { Money } from '@/components/money'
import type { CashSessionDTO } from '@/server/cash/get-cash-session'

// The Z report of a drawer session, laid out for an 80 mm receipt or an A4 sheet (docs/decisions/017-cash-drawer.md).

type Line = { label: ReactNode; value: ReactNode; strong?: boolean; testId?: string }

/** Label and value on one line (receipt) or in a two-column list (A4). */
function Lines({ lines, receipt }: { lines: Line[]; receipt: boolean }) {
  return (
    <dl className={receipt ? 'mt-2 space-y-0.5' : 'mt-3 grid grid-cols-[1fr_auto] gap-x-8 gap-y-1'}>
      {lines.map((l, i) => (
        <div key={i} className={receipt ? 'flex justify-between gap-2' : 'contents'}>
          <dt className={l.strong ? 'font-bold' : ''}>{l.label}</dt>
          <dd className={`whitespace-nowrap text-right tabular-nums ${l.strong ? 'font-bold' : ''}`} data-testid={l.testId}>
            {l.value}
          </dd>
        </div>
      ))}
    </dl>
  )
}

function Heading({ children, receipt }: { children: ReactNode; receipt: boolean }) {
  return (
    <h2 className={receipt ? 'mt-3 border-t border-dashed border-black pt-1 font-bold uppercase' : 'mt-6 text-base font-semibold'}>
      {children}
    </h2>
  )
}

/** A titled list of lines, or what to say when it is empty. */
function Listing({ title, empty, lines, receipt }: { title: ReactNode; empty: ReactNode; lines: Line[]; receipt: boolean }) {
  return (
    <>
      <Heading receipt={receipt}>{title}</Heading>
      {lines.length === 0 ? <p className="mt-1">{empty}</p> : <Lines receipt={receipt} lines={lines} />}
    </>
  )
}

export async function ZReport({
  z,
  business,
  receipt,
}: {
  z: CashSessionDTO
  business: { name: string; address: string }
  receipt: boolean
}) {
  const [t, fmt] = await Promise.all([getTranslations('cash.report'), getFormatter()])
  const when = (iso: string) => fmt.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'short' })
  const time = (iso: string) => fmt.dateTime(new Date(iso), { timeStyle: 'short' })
  const m = (n: number) => <Money amount={n} currency={z.currency} />
  const f = z.figures
  return (
    <>
      <header className={receipt ? 'text-center' : ''}>
        <p className={receipt ? 'text-sm font-bold' : 'text-xl font-bold'}>{business.name}</p>
        {business.address && <p>{business.address}</p>}
        <h1 className={receipt ? 'mt-2 border-y border-dashed border-black py-1 text-base font-bold' : 'mt-4 text-2xl font-bold'}>
          {t('heading', { drawer: z.drawer.name })}
        </h1>
      </header>
      <Lines
        receipt={receipt}
        lines={[
          { label: t('openedBy'), value: z.openedBy.name },
          { label: t('openedAt'), value: when(z.openedAt) },
          ...(z.closedAt && z.closedBy
            ? [
                { label: t('closedBy'), value: z.closedBy.name },
                { label: t('closedAt'), value: when(z.closedAt) },
              ]
            : []),
        ]}
      />
      {!z.closedAt && <p className="mt-2 font-bold">{t('stillOpen')}</p>}
      <Heading receipt={receipt}>{t('session')}</Heading>
      <Lines
        receipt={receipt}
        lines={[
          { label: t('float'), value: m(f.float) },
          { label: t('taken'), value: m(f.taken) },
          { label: t('givenBack'), value: m(-f.givenBack) },
          { label: t('paidIn'), value: m(f.paidIn) },
          { label: t('paidOut'), value: m(-f.paidOut) },
          { label: t('expected'), value: m(f.expected), strong: true, testId: 'z-expected' },
          ...(z.counted !== null && z.difference !== null
            ? [
                { label: t('counted'), value: m(z.counted), strong: true, testId: 'z-counted' },
                { label: t('difference'), value: m(z.difference), strong: true, testId: 'z-difference' },
              ]
            : []),
        ]}
      />
      {z.note && (
        <p className="mt-1">
          {t('note')}: {z.note}
        </p>
      )}
      <Heading receipt={receipt}>{t('byMethod')}</Heading>
      <Lines
        receipt={receipt}
        lines={(['CASH', 'CARD', 'TRANSFER'] as const).map((k) => ({ label: t(`methods.${k}`), value: m(f.byMethod[k]) }))}
      />
      <p className={receipt ? 'mt-1 text-[10px]' : 'mt-1 text-xs text-slate-600'}>{t('methodNote')}</p>
      {z.counts && (
        <>
          <Heading receipt={receipt}>{t('count')}</Heading>
          <Lines
            receipt={receipt}
            lines={z.counts
              .filter((c) => c.pieces > 0)
              .map((c) => ({
                label: (
                  <>
                    {m(c.value)} × {c.pieces}
                  </>
                ),
                value: m(c.value * c.pieces),
              }))}
          />
        </>
      )}
      <Listing
        title={t('movements')}
        empty={t('noMovements')}
        receipt={receipt}
        lines={z.movements.map((mv) => ({
          label: `${time(mv.at)} ${t(`kinds.${mv.kind}`)} · ${mv.reason} · ${mv.by}`,
          value: m(mv.kind === 'IN' ? mv.amount : -mv.amount),
        }))}
      />
      <Listing
        title={t('payments')}
        empty={t('noPayments')}
        receipt={receipt}
        lines={z.payments.map((p) => ({ label: `${time(p.at)} ${p.order} ${t(`kinds.${p.kind}`)} · ${p.by}`, value: m(p.amount) }))}
      />
    </>
  )
}
