// Keys typed into a search box while an Enter waits for its answer: held back by useListbox, read back here. Pure,
// shared by every search box (the counter's pickers today).

/**
 * Keys typed while an Enter waits for its lookup (a fast typist does not wait for the list) are kept and replayed, so
 * nothing typed is lost or lands in the wrong field. `text` is what was typed up to the first Enter (Backspace
 * applied), `enter` whether there was one, `after` the raw keys that followed it (for the next field to replay).
 */
export interface TypedAhead {
  text: string
  enter: boolean
  after: string[]
}

export function typedAhead(keys: readonly string[]): TypedAhead {
  let text = ''
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    if (key === 'Enter') return { text, enter: true, after: keys.slice(i + 1) }
    if (key === 'Backspace') text = text.slice(0, -1)
    else if (key.length === 1) text += key
  }
  return { text, enter: false, after: [] }
}

/** Whether a keydown should be buffered while a lookup is pending. */
export function isBufferedKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false
  return e.key.length === 1 || e.key === 'Enter' || e.key === 'Backspace'
}
