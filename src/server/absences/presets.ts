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
  /** "Sick for the rest of today": today's closing time; once closed for the day (or on a closed day), the closing
   * time of the next opening day — a manager recording it then means "they will miss the next day's work". */
  endOfDay: string
  /** The business day endOfDay closes, when it is not today (the button then says which day). */
  endOfDayIsOn: string | null
  tomorrowStart: string
  tomorrowEnd: string
}

export function absencePresets(now: Date, timeZone: string, hours: OpeningHours): AbsencePresets {
  const start = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS)
  const today = businessDay(now, timeZone)
  const closing = openIntervalsOnDay(hours, today, timeZone).at(-1)?.end
  const tomorrow = addDays(today, 1)
  let endOfDay = `${tomorrow}T00:00`
  let endOfDayIsOn: string | null = null
  if (closing && closing.getTime() > start.getTime() + 5 * MINUTE_MS) {
    endOfDay = toLocalInput(closing, timeZone)
  } else {
    // The next day with opening hours within a week (a shop closed all week keeps "until midnight").
    for (let k = 1; k <= 7; k++) {
      const next = openIntervalsOnDay(hours, addDays(today, k), timeZone).at(-1)?.end
      if (next) {
        endOfDay = toLocalInput(next, timeZone)
        endOfDayIsOn = addDays(today, k)
        break
      }
    }
  }
  return {
    now: toLocalInput(start, timeZone),
    lunchEnd: toLocalInput(new Date(start.getTime() + 60 * MINUTE_MS), timeZone),
    endOfDay,
    endOfDayIsOn,
    tomorrowStart: `${tomorrow}T00:00`,
    tomorrowEnd: `${addDays(tomorrow, 1)}T00:00`,
  }
}
