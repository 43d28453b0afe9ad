// Class names shared by server and client components (a 'use client' module's constants are not plain values on
// the server, hence this separate file).

export const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500 disabled:bg-slate-100'
/** The back office's denser input (forms beside a queue or an order, where many fields share a screen). */
export const compactInputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'
export const buttonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60'
export const secondaryButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60'
export const dangerButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-red-600 px-3 py-2 text-sm font-semibold text-white hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-60'
/** A white card's surface; `cardClass` is the usual padded card, `tableCardClass` a table that scrolls sideways. */
export const cardSurface = 'rounded-xl bg-white shadow-sm ring-1 ring-slate-200'
export const cardClass = `${cardSurface} p-4`
export const tableCardClass = `overflow-x-auto ${cardSurface}`
/** The back office's flatter panel (no shadow): many of them share one screen. */
export const panelClass = 'rounded-lg bg-white p-4 ring-1 ring-slate-200'
/** A warning the reader should act on (overdue reviews, a session that ended, work nobody present can make). */
export const noticeClass = 'rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-300'
/** A small red pill for what needs attention now (overdue, nobody here can make it). */
export const alertBadgeClass =
  'inline-flex items-center gap-1 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-inset ring-red-300'
