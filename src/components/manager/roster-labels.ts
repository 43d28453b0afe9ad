'use client'

import { useFormatter, useTranslations } from 'next-intl'
import type { RosterCellDTO, RosterWeekDTO } from '@/server/roster/get-roster-week'

type Blocks = Array<[string, string]>

/** The words and dates the roster screens share: a day's name, a list of shifts, a cell's full label. */
export function useRosterLabels() {
  const t = useTranslations('manager.roster')
  const format = useFormatter()
  const noon = (ymd: string) => new Date(`${ymd}T12:00:00Z`)
  const hours = (minutes: number) => format.number(minutes / 60, { maximumFractionDigits: 2 })
  const blocks = (b: Blocks) => b.map(([s, e]) => `${s}–${e}`).join(', ')
  return {
    day: (ymd: string) => format.dateTime(noon(ymd), { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }),
    longDay: (ymd: string) => format.dateTime(noon(ymd), { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: 'UTC' }),
    weekday: (ymd: string) => format.dateTime(noon(ymd), { weekday: 'long', timeZone: 'UTC' }),
    date: (ymd: string) => format.dateTime(noon(ymd), { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
    time: (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' }),
    blocks,
    hours,
    contract: (p: Pick<RosterWeekDTO['people'][number], 'weekMinutes' | 'contractedMinutes'>) =>
      p.contractedMinutes === null
        ? t('contractUnknown', { worked: hours(p.weekMinutes) })
        : t('contractValue', { worked: hours(p.weekMinutes), contracted: hours(p.contractedMinutes) }),
    cell: (name: string, cell: RosterCellDTO) => {
      const day = format.dateTime(noon(cell.day), { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: 'UTC' })
      const shifts = cell.blocks.length === 0 ? t('cellOff') : blocks(cell.blocks)
      const text =
        cell.source === 'override' ? t('cellOneOff', { shifts }) : cell.source === 'opening' ? t('cellOpening', { shifts }) : shifts
      return t('cellLabel', { name, day, shifts: text })
    },
  }
}
