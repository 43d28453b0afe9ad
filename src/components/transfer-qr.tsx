import { useLocale, useTranslations } from 'next-intl'
import { formatMoney } from '@/domain/money'
import type { TransferQrDTO } from '@/server/billing/transfer-qr'

const SIZES = {
  /** The counter's screen: scanned by a phone held across the counter. */
  screen: 'h-72 w-72',
  /** A4 ticket or invoice. */
  page: 'h-[40mm] w-[40mm]',
  /** 80 mm receipt. */
  receipt: 'mx-auto h-[34mm] w-[34mm]',
} as const

/** A VietQR code asking for an amount, with what it holds in words (for a customer who types the transfer instead). */
export function TransferQr({ qr, size, note }: { qr: TransferQrDTO; size: keyof typeof SIZES; note?: string }) {
  const t = useTranslations('common.transferQr')
  const locale = useLocale()
  const amount = formatMoney(qr.amount, 'VND', locale)
  return (
    <figure className={size === 'receipt' ? 'text-center' : 'flex flex-wrap items-center gap-4'} data-testid="transfer-qr">
      <div
        className={`shrink-0 bg-white [&>svg]:h-full [&>svg]:w-full ${SIZES[size]}`}
        role="img"
        aria-label={t('label', { amount, bank: qr.bankName })}
        // The SVG is produced by the qrcode library on the server from a payload we build (src/domain/vietqr.ts),
        // whose every field is checked there; no user input reaches the markup.
        dangerouslySetInnerHTML={{ __html: qr.svg }}
      />
      <figcaption className="min-w-0 text-sm">
        <p className="font-semibold">{t('title')}</p>
        {note && <p>{note}</p>}
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
          <dt className="text-slate-600 print:text-black">{t('amount')}</dt>
          <dd className="font-bold tabular-nums" data-testid="transfer-qr-amount">
            {amount}
          </dd>
          <dt className="text-slate-600 print:text-black">{t('bank')}</dt>
          <dd>{qr.bankName}</dd>
          <dt className="text-slate-600 print:text-black">{t('account')}</dt>
          <dd className="font-mono">{qr.account}</dd>
          <dt className="text-slate-600 print:text-black">{t('accountName')}</dt>
          <dd>{qr.accountName}</dd>
          <dt className="text-slate-600 print:text-black">{t('memo')}</dt>
          <dd className="font-mono font-semibold" data-testid="transfer-qr-memo">
            {qr.memo}
          </dd>
        </dl>
        {size !== 'screen' && <p className="mt-1 text-xs">{t('scan')}</p>}
      </figcaption>
    </figure>
  )
}
