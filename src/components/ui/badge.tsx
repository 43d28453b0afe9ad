// A short status word in a coloured pill (an invoice's open / paid / overpaid).

const TONE = {
  red: 'bg-red-50 text-red-900 ring-red-300',
  amber: 'bg-amber-50 text-amber-900 ring-amber-300',
  emerald: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
} as const

export type BadgeTone = keyof typeof TONE

export function Badge({ tone, children }: { tone: BadgeTone; children: React.ReactNode }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE[tone]}`}>{children}</span>
}
