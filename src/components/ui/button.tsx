import type { LucideIcon } from 'lucide-react'
import type { ComponentProps, ReactNode } from 'react'
import { buttonClass, secondaryButtonClass } from './styles'

/**
 * A button with an icon and words. `iconOnlyOnPhone` (a table row's actions): the words hide on narrow screens, so give
 * an aria-label that names the row ("Edit: Poster A1"). Forwards every prop, so it can be a dialog's trigger.
 */
export function IconButton({
  icon: Icon,
  label,
  variant = 'secondary',
  iconOnlyOnPhone,
  ...props
}: { icon: LucideIcon; label: ReactNode; variant?: 'primary' | 'secondary'; iconOnlyOnPhone?: boolean } & Omit<
  ComponentProps<'button'>,
  'children'
>) {
  return (
    <button type="button" className={variant === 'primary' ? buttonClass : secondaryButtonClass} {...props}>
      <Icon className="size-4" aria-hidden />
      {iconOnlyOnPhone ? <span className="hidden sm:inline">{label}</span> : label}
    </button>
  )
}

/** A plain button of the kit: `primary` for the step forward, `secondary` (the default) for going back or aside. */
export function Button({ look = 'secondary', ...props }: { look?: 'primary' | 'secondary' } & Omit<ComponentProps<'button'>, 'className'>) {
  return <button type="button" className={look === 'primary' ? buttonClass : secondaryButtonClass} {...props} />
}
