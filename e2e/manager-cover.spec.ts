// The manager's overview answers "can we still serve customers?": marking the only invoicer sick turns invoicing red
// (no one present) and the overview suggests whom to train. The sick hour is the first free opening hour from now on
// (Hùng may already be at lunch), and it is taken back at the end so parallel specs keep their Hùng.
import { DAY_MS, openIntervals, parseOpeningHours, wallClock } from '../src/domain/opening-hours'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

const MINUTE = 60_000

const local = (ms: number, tz: string) => {
  const w = wallClock(ms, tz)
  return `${w.ymd}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

/** The first stretch of up to an hour, inside opening hours, from the current minute, when Hùng is not already away
 * (starting this minute, so during opening hours "cover now" sees him away at once). */
async function freeHourForHung(userId: string) {
  const [settings] = await sql<{ openingHours: unknown; timeZone: string }>(
    'SELECT "openingHours", "timeZone" FROM "BusinessSettings" WHERE id = 1',
  )
  const hours = parseOpeningHours(settings!.openingHours)
  const tz = settings!.timeZone
  // Stored as UTC wall times; read them back as UTC instants.
  const busy = (
    await sql<{ s: string; e: string }>(
      `SELECT to_char("startsAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS s, to_char("endsAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS e FROM "Absence" WHERE "userId" = $1`,
      [userId],
    )
  ).map((a) => ({ start: Date.parse(a.s), end: Date.parse(a.e) }))
  const from = Math.floor(Date.now() / MINUTE) * MINUTE
  for (const open of openIntervals(hours, new Date(from), new Date(from + 8 * DAY_MS), tz)) {
    let t = open.start.getTime()
    while (t + 15 * MINUTE <= open.end.getTime()) {
      const end = Math.min(t + 60 * MINUTE, open.end.getTime())
      const clash = busy.find((b) => b.start < end && b.end > t)
      if (!clash) return { start: t, end, tz, startsNow: t === from }
      t = Math.ceil(clash.end / MINUTE) * MINUTE
    }
  }
  throw new Error('no free opening hour for Hùng in the coming week')
}

test('marking the only invoicer sick turns invoicing red and suggests a trainee', async ({ page, login }) => {
  const [hung] = await sql<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [DEMO.backoffice])
  const window = await freeHourForHung(hung!.id)
  await login(DEMO.manager)

  await page.goto('/manager/absences')
  const form = page.getByTestId('absence-form')
  await form.getByLabel('Person').selectOption({ label: 'Lê Văn Hùng' })
  await form.getByLabel('Kind').selectOption({ label: 'Sick' })
  await form.getByLabel('From').fill(local(window.start, window.tz))
  await form.getByLabel('Until').fill(local(window.end, window.tz))
  await form.getByLabel('Note (optional)').fill('Sốt — e2e')
  await form.getByRole('button', { name: 'Record absence' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Recorded: Lê Văn Hùng, Sick.' })).toBeVisible()

  try {
    // Overlapping the same hour again is refused with a clear message on the form.
    await form.getByRole('button', { name: 'Record absence' }).click()
    await expect(form.getByText(/Lê Văn Hùng is already away then \(sick from/)).toBeVisible()

    if (window.startsNow) {
      // Open right now: "who can cover now" shows nobody for invoicing.
      await page.goto('/manager')
      const invoice = page.getByTestId('cover-now-INVOICE')
      await expect(invoice.locator('[data-tone]')).toHaveAttribute('data-tone', 'none')
      await expect(invoice).toContainText('No one present')
      await expect(invoice).toContainText('Lê Văn Hùng: Sick until')
    }
    // The look-ahead for the day of the sick hour shows the same gap, whatever the time of day the test runs.
    await page.goto(`/manager?day=${local(window.start, window.tz).slice(0, 10)}#look-ahead`)
    const day = page.getByTestId('look-ahead-INVOICE')
    await expect(day.locator('[data-tone]').first()).toHaveAttribute('data-tone', 'none')
    const gaps = await day
      .locator('li[data-present="0"]')
      .evaluateAll((items) =>
        items.map((li) => ({ start: Date.parse(li.getAttribute('data-start')!), end: Date.parse(li.getAttribute('data-end')!) })),
      )
    expect(gaps.some((g) => g.start <= window.start && g.end >= window.end - 15 * MINUTE)).toBe(true)

    // Single point of failure, with the trainee closest to invoicing suggested (Ngọc, INVOICE level 1).
    const spof = page.getByTestId('spof-INVOICE')
    await expect(spof).toContainText('Only Lê Văn Hùng can do it.')
    await expect(page.getByTestId('suggested-trainee-INVOICE')).toContainText('Huỳnh Thị Ngọc')
    await expect(page.getByTestId('suggested-trainee-INVOICE')).toContainText('In training (level 1)')
    await page.screenshot({ path: screenshotPath('manager-overview-sick'), fullPage: true })
    await page.getByTestId('cover-now').screenshot({ path: screenshotPath('manager-cover-now') })
  } finally {
    // Take the sick hour back: "Cancel" if it has not started, "Back now" if it has.
    await page.goto('/manager/absences')
    const row = page.getByTestId('absence-list').locator('li', { hasText: 'Lê Văn Hùng · Sick' }).filter({ hasText: 'Sốt — e2e' })
    await row.getByRole('button').click()
    await expect(page.getByRole('status').filter({ hasText: /Lê Văn Hùng|cancelled/ })).toBeVisible()
  }
})

test('a training goal is planned from a single point of failure', async ({ page, login }) => {
  const open = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "TrainingGoal" g JOIN "User" u ON u.id = g."userId" WHERE u.email = 'ngoc@example.com' AND g.task = 'INVOICE' AND g."achievedAt" IS NULL`,
  )
  await login(DEMO.manager)
  await page.goto('/manager')
  await page.getByTestId('plan-training-INVOICE').click()
  const dialog = page.getByRole('dialog', { name: 'Plan training: Invoicing' })
  await expect(dialog.getByLabel('Trainee').locator('option:checked')).toContainText('Huỳnh Thị Ngọc')
  if (open[0]!.n === 0) {
    await dialog.getByLabel('Note (optional)').fill('Kèm anh Hùng chiều thứ Sáu')
    await dialog.getByRole('button', { name: 'Create goal' }).click()
    await expect(dialog).toBeHidden()
  } else {
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  }
  // The goal is listed, and a second one for the same person and task is refused.
  const goals = page.getByTestId('training-goals')
  await expect(goals).toContainText('Huỳnh Thị Ngọc · Invoicing → level 2 (Can cover)')
  await page.getByTestId('plan-training-INVOICE').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Create goal' }).click()
  await expect(page.getByRole('dialog').getByTestId('form-error')).toContainText('already open')
})
