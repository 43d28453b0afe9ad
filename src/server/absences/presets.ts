import 'server-only'
import { MINUTE_MS, addDays, businessDay, openIntervalsOnDay, wallClock, type OpeningHours } from '@/domain/opening-hours'

// Starting values for the absence forms, as <input type="datetime-local"> values in the business time zone (the
// browser's own zone may differ: a manager abroad still plans in shop time). Not a use case: no data is read.

export function toLocalInput(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone)
  return `${w.ymd}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

export interface AbsencePresets {
  now: string
  lunchEnd: string
  /** Today's closing time, or midnight when already closed. */
  endOfDay: string
  tomorrowStart: string
  tomorrowEnd: string
}

export function absencePresets(now: Date, timeZone: string, hours: OpeningHours): AbsencePresets {
  const start = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS)
  const today = businessDay(now, timeZone)
  const closing = openIntervalsOnDay(hours, today, timeZone).at(-1)?.end
  const tomorrow = addDays(today, 1)
  return {
    now: toLocalInput(start, timeZone),
    lunchEnd: toLocalInput(new Date(start.getTime() + 60 * MINUTE_MS), timeZone),
    endOfDay: closing && closing.getTime() > start.getTime() + 5 * MINUTE_MS ? toLocalInput(closing, timeZone) : `${tomorrow}T00:00`,
    tomorrowStart: `${tomorrow}T00:00`,
    tomorrowEnd: `${addDays(tomorrow, 1)}T00:00`,
  }
}
