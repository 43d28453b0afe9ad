'use client'

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { isBufferedKey } from './typed-ahead'

export interface ListboxOptions<T extends { id: string }> {
  /** What is typed in the combobox (the caller keeps it: lookups and shortcuts set it too). */
  query: string
  onQueryChange: (query: string) => void
  /** The results, in the order they are shown. */
  items: readonly T[]
  /** Options after the results (e.g. "new customer …"), reachable with the arrow keys like any result. */
  extra?: number
  /** False while the search is not in use (a customer is chosen, the new-customer form is open): no list then. */
  enabled?: boolean
  /** Whether `items` answer what is typed now. Enter before they do calls `onEarlyEnter` instead of choosing. */
  current: boolean
  /** Enter on the active option: its result, or undefined on an extra option (or when there are no results). */
  onEnter: (chosen: T | undefined) => void
  /** Enter before the results arrived; keys typed meanwhile can be kept with `startBuffering`. */
  onEarlyEnter: () => void
  /** Escape, before the list closes. */
  onEscape?: (e: KeyboardEvent<HTMLInputElement>) => void
}

/**
 * The keyboard half of a search box with a result list (an editable combobox with aria-activedescendant): the focus
 * stays in the text box, ↑/↓ move through the options (wrapping), Enter takes the active one, Escape closes the
 * list, and the active option is kept in view. Home and End stay with the text box (caret to the start or end of what
 * was typed), as in an editable combobox. A fast typist's Enter before the results arrived is the caller's
 * (`onEarlyEnter`); the keys typed while it waits are held back here (`startBuffering`/`stopBuffering`) so they land
 * in the right field afterwards.
 */
export function useListbox<T extends { id: string }>(options: ListboxOptions<T>) {
  const { query, onQueryChange, items, extra = 0, enabled = true, current, onEnter, onEarlyEnter, onEscape } = options
  const id = useId()
  const [open, setOpen] = useState(false)
  const buffered = useRef<string[] | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const showList = open && enabled && query.trim() !== ''
  const count = showList ? items.length + extra : 0
  const listKey = `${query}|${items.map((o) => o.id).join()}`
  const active = useActiveIndex(listKey, count)
  const listId = `${id}-list`
  const optionId = (i: number) => `${id}-opt-${i}`
  const activeId = showList && count > 0 ? optionId(active.index) : undefined

  // Scroll the list itself (never the page) just enough to show the active option; nothing moves while it is in view.
  // New results put the first option back in view too.
  useEffect(() => {
    const list = listRef.current
    const option = activeId ? document.getElementById(activeId) : null
    if (!list || !option || option.parentElement !== list) return
    if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop
    else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight
  }, [activeId, listKey])

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (buffered.current) {
      if (isBufferedKey(e)) {
        e.preventDefault()
        buffered.current.push(e.key)
      }
      return
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
      active.move(e.key === 'ArrowDown' ? 1 : -1)
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      if (query.trim() === '') return
      if (!current) onEarlyEnter()
      else onEnter(items[active.index])
    } else if (e.key === 'Escape') {
      onEscape?.(e)
      setOpen(false)
    }
  }

  return {
    showList,
    setOpen,
    /** Hold back the keys typed from now on (starting with `initial`) until `stopBuffering`. */
    startBuffering: (initial: readonly string[] = []) => {
      buffered.current = [...initial]
    },
    /** Stop holding keys back; returns those held. */
    stopBuffering: (): string[] => {
      const keys = buffered.current ?? []
      buffered.current = null
      return keys
    },
    // The attributes a role requires (combobox: aria-expanded, aria-controls; option: aria-selected) stay written out
    // beside the role where they are used, so the accessibility lint rules still see them.
    listId,
    inputProps: {
      value: query,
      'aria-autocomplete': 'list' as const,
      'aria-activedescendant': activeId,
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
        onQueryChange(e.target.value)
        setOpen(true)
      },
      onFocus: () => setOpen(true),
      onBlur: () => setOpen(false),
      onKeyDown,
    },
    listProps: {
      ref: listRef,
      id: listId,
      // Below the search box, over what follows; scrolls (and keeps the active option in view) when long.
      className: 'absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg',
      // A click on an option must not blur the search box first (which would close the list under the pointer).
      onMouseDown: (e: React.MouseEvent) => e.preventDefault(),
    },
    /** Whether option `i` is the active one. */
    isActive: (i: number) => i === active.index,
    optionProps: (i: number) => ({
      id: optionId(i),
      onMouseMove: () => {
        if (active.index !== i) active.set(i)
      },
    }),
  }
}

/** Keyboard position in a result list, back at the first item whenever the list changes. */
function useActiveIndex(listKey: string, count: number) {
  const [state, setState] = useState({ key: listKey, index: 0 })
  const index = state.key === listKey ? Math.min(state.index, Math.max(0, count - 1)) : 0
  return {
    index,
    set: (i: number) => setState({ key: listKey, index: i }),
    move: (delta: number) => {
      if (count === 0) return
      setState({ key: listKey, index: (index + delta + count) % count })
    },
  }
}
