import { weekMonday } from '@/domain/roster'
import { requirePageTask } from '@/server/auth/guard'
import { loadBusinessClock } from '@/server/coverage/snapshot'
import { comingWeek } from '@/server/roster/store'

const YMD = /^\d{4}-\d{2}-\d{2}$/

/**
 * What both roster pages start from: the manager (anyone else is turned away), now, the shop's time zone, the coming
 * week (the first one a suggestion may change) and the week the URL asks for (its Monday; null when none or no date).
 */
export async function rosterWeekRequest(searchParams: Promise<{ week?: string | string[] }>) {
  const actor = await requirePageTask('MANAGE_TEAM')
  const now = new Date()
  const [{ week }, clock] = await Promise.all([searchParams, loadBusinessClock()])
  const asked = typeof week === 'string' && YMD.test(week) ? weekMonday(week) : null
  return { actor, now, timeZone: clock.timeZone, next: comingWeek(now, clock.timeZone), asked }
}
