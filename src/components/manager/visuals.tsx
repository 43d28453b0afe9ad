import { CircleCheck, CircleX, Moon, Star, TriangleAlert } from 'lucide-react'
import type { CSSProperties, ReactNode } from 'react'

// The overview's visual vocabulary. Colour always comes with a second signal: a number, an icon, a pattern, a word.

export type CoverTone = 'none' | 'single' | 'ok' | 'closed'

const COVER_STYLE: Record<CoverTone, string> = {
  none: 'bg-red-50 text-red-800 ring-red-300',
  single: 'bg-amber-50 text-amber-900 ring-amber-300',
  ok: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  closed: 'bg-slate-100 text-slate-700 ring-slate-300',
}
const COVER_ICON = { none: CircleX, single: TriangleAlert, ok: CircleCheck, closed: Moon } as const

/** "No one present" (red, ✕), "Only one" (amber, !), "Covered" (green, ✓), "Closed" (grey, moon). */
export function CoverBadge({ tone, label, testId }: { tone: CoverTone; label: string; testId?: string }) {
  const Icon = COVER_ICON[tone]
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${COVER_STYLE[tone]}`}
      data-tone={tone}
      data-testid={testId}
    >
      <Icon className="size-3.5" aria-hidden />
      {label}
    </span>
  )
}

export const COVER_ROW: Record<CoverTone, string> = {
  none: 'border-l-4 border-red-500 bg-red-50/60',
  single: 'border-l-4 border-amber-400 bg-amber-50/50',
  ok: 'border-l-4 border-emerald-400',
  closed: 'border-l-4 border-slate-300',
}

const STRIPES: CSSProperties = {
  backgroundImage: 'repeating-linear-gradient(135deg, rgba(180, 83, 9, 0.28) 0 3px, transparent 3px 7px)',
}

/** Skill levels 0–3: dashed outline, amber stripes, solid green, dark green with a star — plus the number. */
export function levelLook(level: number): { className: string; style?: CSSProperties } {
  switch (level) {
    case 3:
      return { className: 'bg-emerald-700 text-white ring-emerald-800' }
    case 2:
      return { className: 'bg-emerald-200 text-emerald-950 ring-emerald-400' }
    case 1:
      return { className: 'bg-amber-100 text-amber-950 ring-amber-400', style: STRIPES }
    default:
      return { className: 'bg-white text-slate-500 ring-0 border border-dashed border-slate-400' }
  }
}

export function LevelMark({ level }: { level: number }) {
  return (
    <span className="inline-flex items-center gap-0.5 font-semibold tabular-nums">
      {level}
      {level === 3 && <Star className="size-3 fill-current" aria-hidden />}
    </span>
  )
}

/** A small swatch as in the matrix, for legends and lists. */
export function LevelSwatch({ level, label }: { level: number; label: string }) {
  const look = levelLook(level)
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-700">
      <span
        className={`inline-flex h-6 min-w-8 items-center justify-center rounded px-1 ring-1 ring-inset ${look.className}`}
        style={look.style}
        aria-hidden
      >
        <LevelMark level={level} />
      </span>
      {label}
    </span>
  )
}

/** A legend of swatches, one per level with its name; `children` adds one more entry (what a mark on a cell means). */
export function LevelLegend({
  label,
  levels,
  children,
}: {
  label: string
  levels: ReadonlyArray<{ level: number; name: string }>
  children?: ReactNode
}) {
  return (
    <ul className="flex flex-wrap gap-3" aria-label={label}>
      {levels.map(({ level, name }) => (
        <li key={level}>
          <LevelSwatch level={level} label={name} />
        </li>
      ))}
      {children && <li className="inline-flex items-center gap-1 text-xs text-slate-700">{children}</li>}
    </ul>
  )
}

/** A horizontal bar with its value written next to it (charts that are simple enough not to need a chart library). */
export function Bar({ value, max, tone = 'bg-brand-500', label }: { value: number; max: number; tone?: string; label: string }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0
  return (
    <span className="flex items-center gap-2">
      <span className="h-2.5 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        <span className={`block h-full rounded-full ${tone}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="w-14 shrink-0 text-right text-xs tabular-nums text-slate-700">{label}</span>
    </span>
  )
}
