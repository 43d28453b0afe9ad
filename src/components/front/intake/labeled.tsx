import type { ReactNode } from 'react'

/** A field's label on the left, its keyboard shortcut on the right. */
export function LabelWithKeys({ htmlFor, label, keys }: { htmlFor: string; label: ReactNode; keys: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="flex items-center justify-between text-sm font-medium text-slate-700">
      <span>{label}</span>
      {keys}
    </label>
  )
}

/** A field with its label above it (the field is the child; `htmlFor` is its id). */
export function Labeled({ htmlFor, label, children }: { htmlFor: string; label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  )
}
