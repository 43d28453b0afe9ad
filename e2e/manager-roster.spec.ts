// The roster (issue #16): edit the week grid with the keyboard only, see the overview after the only invoicer is
// recorded sick for the coming Monday, then view and apply the suggested roster. Screenshots in English and Vietnamese.
// Everything this spec writes (Lan's one-off change, Hùng's sickness, the applied suggestion) is removed at the end.
import { addDays, businessDay } from '../src/domain/opening-hours'
import { weekMonday } from '../src/domain/roster'
import { DEMO, expect, screenshotPath, sql, test } from './fixtures'

const TZ = 'Asia/Ho_Chi_Minh'

test('roster grid by keyboard, the Monday-sick overview, and the suggested roster', async ({ page, login, context, baseURL }) => {
  test.setTimeout(120_000)
  const monday = addDays(weekMonday(businessDay(new Date(), TZ)), 7)
  const tuesday = addDays(monday, 1)
  const [hung] = await sql<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [DEMO.backoffice])
  const [lan] = await sql<{ id: string }>('SELECT id FROM "User" WHERE email = $1', ['lan@example.com'])
  await login(DEMO.manager)
  try {
    // 1. The grid, keyboard only: Lan (part-time) gets Tuesday afternoon of the coming week.
    await page.goto(`/manager/roster?week=${monday}`)
    const grid = page.getByRole('grid')
    await expect(grid).toBeVisible()
    await grid.getByRole('gridcell').first().focus()
    const lanRow = await page.getByRole('row').filter({ hasText: 'Võ Thị Lan' }).first()
    const rows = page.getByRole('row')
    const names = await rows.allInnerTexts()
    const lanIndex = names.findIndex((n) => n.includes('Võ Thị Lan')) - 1 // minus the header row
    for (let i = 0; i < lanIndex; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight') // contract → Monday
    await page.keyboard.press('ArrowRight') // → Tuesday
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', /Võ Thị Lan, Tuesday.*: day off/)
    await page.keyboard.press('Enter')
    const editor = page.getByRole('dialog')
    await editor.getByRole('group', { name: 'Shift' }).getByLabel('From').fill('13:00')
    await editor.getByRole('group', { name: 'Shift' }).getByLabel('To').fill('19:00')
    await editor.getByRole('radio', { name: /Only on/ }).check()
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor).toBeHidden()
    await expect(lanRow.locator(`[data-day="${tuesday}"]`)).toContainText('13:00–19:00')
    await expect(lanRow.locator(`[data-day="${tuesday}"]`)).toContainText('changed')
    await page.screenshot({ path: screenshotPath('roster-grid-en'), fullPage: true })

    // 2. The only invoicer sick for Monday: invoicing pulls the index down first, Monday's bar is red and low.
    await page.goto('/manager/absences')
    const form = page.getByTestId('absence-form')
    await form.getByLabel('Person').selectOption({ label: 'Lê Văn Hùng' })
    await form.getByLabel('Kind').selectOption({ label: 'Sick' })
    await form.getByLabel('From').fill(`${monday}T00:00`)
    await form.getByLabel('Until').fill(`${tuesday}T00:00`)
    await form.getByRole('button', { name: 'Record absence' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Recorded: Lê Văn Hùng, Sick.' })).toBeVisible()
    await page.goto('/manager')
    const index = page.getByTestId('cover-index')
    await expect(index.getByTestId('cover-pulls').locator('li[data-task]').first()).toHaveAttribute('data-task', 'INVOICE')
    const bar = index.getByTestId(`day-bar-${monday}`)
    if (await bar.count()) expect(Number(await bar.getAttribute('data-grade'))).toBeLessThan(0.5)
    await index.screenshot({ path: screenshotPath('overview-monday-sick-en') })

    // 3. The suggestion: index beside the current one, each change in words, applied in one step.
    await page.goto(`/manager/roster/suggested?week=${monday}`)
    await expect(page.getByRole('heading', { name: 'Suggested roster' })).toBeVisible()
    await expect(page.getByTestId('suggestion-changes').locator('li').first()).toBeVisible()
    await page.screenshot({ path: screenshotPath('roster-suggested-en'), fullPage: true })

    // The same three screens in Vietnamese.
    await context.addCookies([{ name: 'handoff-locale', value: 'vi', url: baseURL! }])
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Lịch gợi ý' })).toBeVisible()
    await page.screenshot({ path: screenshotPath('roster-suggested-vi'), fullPage: true })
    await page.goto(`/manager/roster?week=${monday}`)
    await expect(page.getByRole('grid')).toBeVisible()
    await page.screenshot({ path: screenshotPath('roster-grid-vi'), fullPage: true })
    await page.goto('/manager')
    await page.getByTestId('cover-index').screenshot({ path: screenshotPath('overview-monday-sick-vi') })
    await context.addCookies([{ name: 'handoff-locale', value: 'en', url: baseURL! }])

    await page.goto(`/manager/roster/suggested?week=${monday}`)
    await page.getByRole('button', { name: 'Apply the suggestion' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Apply the suggestion' }).click()
    await expect(page).toHaveURL(new RegExp(`/manager/roster\\?week=${monday}`))
    await expect(page.getByRole('grid').getByText('changed').first()).toBeVisible()
  } finally {
    await sql(
      `DELETE FROM "Absence" WHERE "userId" = $1 AND "startsAt" >= $2::date - interval '1 day' AND note IS NULL AND kind = 'SICK'`,
      [hung!.id, monday],
    )
    await sql(`DELETE FROM "ShiftOverride" WHERE day >= $1::date AND day < $1::date + 7`, [monday])
    void lan
  }
})
