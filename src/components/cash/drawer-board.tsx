'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useFormatter, useLocale, useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { openCashSessionAction, recordCashMovementAction } from '@/actions/cash'
import { formatMoney } from '@/domain/money'
import type { DrawerDTO, DrawersDTO } from '@/server/cash/list-drawers'
import { FormError, InputField, SubmitRow } from '@/components/ui/field'
import { Figures } from '@/components/ui/figures'
import { MoneyField, parseTypedAmount } from '@/components/ui/money-input'
import { buttonClass, cardClass, secondaryButtonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'
import { CloseDrawerDialog } from './close-drawer-dialog'
import { useSaidAction } from './use-said-action'

/** Every drawer of the shop: open ones with their live expected cash, cash in/out and closing; closed ones to open. */
export function DrawerBoard({ data, next }: { data: DrawersDTO; next: string | null }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {data.drawers.map((d) => (
        <DrawerCard key={d.id} drawer={d} data={data} next={next} />
      ))}
    </div>
  )
}

function DrawerCard({ drawer, data, next }: { drawer: DrawerDTO; data: DrawersDTO; next: string | null }) {
  const t = useTranslations('cash')
  const format = useFormatter()
  const locale = useLocale()
  const money = (n: number) => formatMoney(n, data.currency, locale)
  const titleId = useId()
  const open = drawer.open
  return (
    <section aria-labelledby={titleId} className={cardClass} data-testid={`drawer-${drawer.name}`}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={titleId} className="text-lg font-semibold">
          {drawer.name}
        </h2>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${open ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-100 text-slate-700'}`}
        >
          {open ? t('open') : t('closed')}
        </span>
      </div>
      {open ? (
        <>
          <p className="mt-1 text-sm text-slate-600">
            {t('openedBy', { name: open.openedBy.name, time: format.dateTime(new Date(open.openedAt), { timeStyle: 'short' }) })}
          </p>
          <Figures
            className="mt-3 grid grid-cols-2 gap-2 text-sm"
            items={[
              { label: t('float'), value: money(open.float) },
              { label: t('expectedNow'), value: money(open.expected), valueClass: 'text-lg font-bold', testId: 'expected-now' },
            ]}
          />
          <div className="mt-3 flex flex-wrap gap-2">
            {open.mayClose ? (
              <CloseDrawerDialog drawer={drawer.name} session={open} data={data} />
            ) : (
              <p className="text-sm text-slate-600">{t('close.notYours', { name: open.openedBy.name })}</p>
            )}
            <Link href={`/front/drawer/sessions/${open.sessionId}`} className={secondaryButtonClass}>
              {t('details')}
            </Link>
          </div>
          <MovementForm sessionId={open.sessionId} currency={data.currency} />
        </>
      ) : (
        <>
          {drawer.lastClosed && (
            <p className="mt-1 text-sm text-slate-600">
              <Link href={`/front/drawer/sessions/${drawer.lastClosed.sessionId}`} className="underline underline-offset-2">
                {t('lastClosed', {
                  time: format.dateTime(new Date(drawer.lastClosed.closedAt), { dateStyle: 'short', timeStyle: 'short' }),
                  difference: money(drawer.lastClosed.difference),
                })}
              </Link>
            </p>
          )}
          <OpenForm drawer={drawer} currency={data.currency} next={next} />
        </>
      )}
    </section>
  )
}

/** Open a closed drawer with the float counted into it; back to the order that sent the cashier here, if any. */
function OpenForm({ drawer, currency, next }: { drawer: DrawerDTO; currency: string; next: string | null }) {
  const t = useTranslations('cash')
  const locale = useLocale()
  const router = useRouter()
  const [text, setText] = useState('')
  const { run, pending, fieldErrors, formError } = useAction(openCashSessionAction, { onSuccess: () => next && router.push(next) })
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const float = text.trim() === '' ? 0 : parseTypedAmount(text, currency, locale)
    await run({ drawerId: drawer.id, float: float ?? text })
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-2">
      <MoneyField label={t('float')} value={text} onChange={setText} currency={currency} errors={fieldErrors.float} hint={t('floatHint')} />
      <FormError message={formError} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('openDrawer')}
      </button>
    </form>
  )
}

/** Cash put in or taken out of the open drawer, with a reason. */
function MovementForm({ sessionId, currency }: { sessionId: string; currency: string }) {
  const t = useTranslations('cash')
  const locale = useLocale()
  const id = useId()
  const [kind, setKind] = useState<'IN' | 'OUT'>('OUT')
  const [amountText, setAmountText] = useState('')
  const [reason, setReason] = useState('')
  const { submit, pending, fieldErrors, formError, done } = useSaidAction(recordCashMovementAction)
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const amount = parseTypedAmount(amountText, currency, locale)
    const kindWord = t(kind === 'IN' ? 'movementIn' : 'movementOut')
    void submit(
      event,
      { sessionId, kind, amount: amount ?? amountText, reason },
      () => t('movementRecorded', { kind: kindWord, amount: formatMoney(amount!, currency, locale) }),
      () => {
        setAmountText('')
        setReason('')
      },
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-2 border-t border-slate-200 pt-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {t('movementTitle')}
      </h3>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t('movementTitle')}</legend>
        {(['OUT', 'IN'] as const).map((k) => (
          <label key={k} className="flex items-center gap-1.5">
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
            {t(k === 'IN' ? 'movementIn' : 'movementOut')}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-2 sm:grid-cols-2">
        <MoneyField label={t('amount')} value={amountText} onChange={setAmountText} currency={currency} errors={fieldErrors.amount} />
        <InputField
          label={t('reason')}
          errors={fieldErrors.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('reasonPlaceholder')}
          maxLength={200}
        />
      </div>
      <SubmitRow label={t('recordMovement')} pending={pending} error={formError} status={done} secondary />
    </form>
  )
}
