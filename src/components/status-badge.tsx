import { useTranslations } from 'next-intl'
import type { CustomerStatus } from '@/domain/order-status'

const TONE: Record<CustomerStatus, string> = {
  RECEIVED: 'bg-slate-100 text-slate-800 ring-slate-300',
  IN_PROGRESS: 'bg-amber-50 text-amber-900 ring-amber-300',
  READY: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  COLLECTED: 'bg-sky-50 text-sky-900 ring-sky-300',
  DELIVERED: 'bg-sky-50 text-sky-900 ring-sky-300',
  ON_HOLD: 'bg-orange-50 text-orange-900 ring-orange-300',
  CANCELLED: 'bg-red-50 text-red-900 ring-red-300',
}

/** Status in words (colour only reinforces the text). */
export function StatusBadge({ status }: { status: CustomerStatus }) {
  const t = useTranslations('common.status')
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status]}`}>{t(status)}</span>
}
