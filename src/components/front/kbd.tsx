import type { ComponentProps } from 'react'
import { buttonClass, secondaryButtonClass } from '@/components/ui/styles'

/** A keyboard shortcut as shown on screen ("Alt+C"); `keys` are already the words to show. */
export function Kbd({ keys, className }: { keys: string[]; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-0.5 ${className ?? ''}`}>
      {keys.map((k, i) => (
        <kbd
          key={i}
          className="rounded border border-slate-300 bg-white px-1 py-px font-mono text-[11px] leading-4 text-slate-700 shadow-[0_1px_0_rgb(0_0_0/0.08)]"
        >
          {k}
        </kbd>
      ))}
    </span>
  )
}

/** A button whose words are followed by its keyboard shortcut ("Change Alt+C"). */
/** The counter's button looks: `primary` (the step forward), `secondary` (going back), `small` (beside a value). */
const SHORTCUT_BUTTON = {
  primary: buttonClass,
  secondary: secondaryButtonClass,
  small: 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100',
} as const

export function ShortcutButton({
  keys,
  look,
  children,
  ...button
}: { keys: string[]; look: keyof typeof SHORTCUT_BUTTON } & Omit<ComponentProps<'button'>, 'className'>) {
  return (
    <button type="button" className={SHORTCUT_BUTTON[look]} {...button}>
      {children} <Kbd keys={keys} className="ml-1" />
    </button>
  )
}
