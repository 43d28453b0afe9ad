import type { ReactNode, Ref } from 'react'
import type { useListbox } from '../../use-listbox'
import { LabelWithKeys } from './labeled'

type Listbox = Pick<ReturnType<typeof useListbox<{ id: string }>>, 'showList' | 'listId' | 'inputProps' | 'isActive' | 'optionProps'>

/** The text box of the intake's searches (customer, product): an editable combobox driven by useListbox. */
export function SearchBox({
  baseId,
  inputRef,
  label,
  keys,
  placeholder,
  listbox,
  error,
  describedBy,
  autoFocus,
  className,
}: {
  /** The picker's id: the box is `<baseId>-search`. */
  baseId: string
  inputRef: Ref<HTMLInputElement>
  label: ReactNode
  keys: ReactNode
  placeholder: string
  listbox: Listbox
  error?: string
  describedBy?: string
  autoFocus?: boolean
  className: string
}) {
  const id = `${baseId}-search`
  return (
    <>
      <LabelWithKeys htmlFor={id} label={label} keys={keys} />
      <input
        ref={inputRef}
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        maxLength={100}
        placeholder={placeholder}
        aria-expanded={listbox.showList}
        aria-controls={listbox.listId}
        {...listbox.inputProps}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={className}
      />
    </>
  )
}

/** One option of a search's result list; the active one (arrow keys, pointer) is highlighted. */
export function SearchOption({
  listbox,
  index,
  onClick,
  disabled,
  className,
  children,
}: {
  listbox: Listbox
  index: number
  onClick: () => void
  disabled?: boolean
  className: string
  children: ReactNode
}) {
  const active = listbox.isActive(index)
  return (
    <li
      aria-disabled={disabled || undefined}
      role="option"
      aria-selected={active}
      {...listbox.optionProps(index)}
      onClick={onClick}
      className={`${className} ${active ? 'bg-brand-50 text-brand-700' : ''}`}
    >
      {children}
    </li>
  )
}
