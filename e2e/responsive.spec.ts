// The counter and the workshop on a tablet (768 px) and a phone (390 px), in both languages: nothing scrolls
// sideways, the main action of each screen can be reached, and a screenshot of each is kept (e2e/.screenshots/
// responsive-<lang>-<width>-<screen>.png) to be looked at.
import type { Locator, Page } from '@playwright/test'
import { demoIds, expectNoHorizontalOverflow, LANGS, msg, msgRe, pageIn, WIDTHS, type Lang } from './a11y-support'
import { DEMO, expect, screenshotPath, test } from './fixtures'

test.describe.configure({ timeout: 120_000 })

type Screen = {
  name: string
  as: string
  url: (ids: Awaited<ReturnType<typeof demoIds>>) => string
  /** The control the screen is for: visible, inside the screen width, usable. */
  main: (page: Page, lang: Lang) => Locator
  prepare?: (page: Page, lang: Lang) => Promise<void>
}

const SCREENS: Screen[] = [
  {
    name: 'desk',
    as: DEMO.reception,
    url: (ids) => `/front/desk?q=${ids.readyPhone}`,
    main: (page, lang) => page.getByRole('searchbox', { name: msg(lang, 'front.desk.searchLabel') }),
  },
  {
    name: 'intake',
    as: DEMO.reception,
    url: () => '/front/orders/new',
    main: (page, lang) => page.getByRole('button', { name: msgRe(lang, 'front.intake.submit') }),
    prepare: async (page, lang) => {
      // One customer and one line, so the line row is shown at this width too. The customer search takes the focus
      // once the page is interactive; keys typed before that would land nowhere.
      await expect(page.getByRole('combobox', { name: msg(lang, 'front.intake.customer.searchLabel') })).toBeFocused()
      await page.keyboard.type('nguyen')
      await page.getByRole('listbox').getByRole('option').first().waitFor()
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('selected-customer')).toBeVisible()
      await page.keyboard.type('poster a1')
      await expect(page.getByRole('option', { name: /Poster A1/ }).first()).toBeVisible()
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('order-line')).toHaveCount(1)
    },
  },
  {
    name: 'ready',
    as: DEMO.reception,
    url: () => '/front/ready',
    main: (page) => page.getByTestId('ready-list').getByRole('link').first(),
  },
  {
    name: 'pickup',
    as: DEMO.backoffice,
    url: (ids) => `/front/orders/${ids.readyOrder}`,
    main: (page) => page.getByTestId('pickup-panel').getByRole('button').last(),
  },
  {
    name: 'queue',
    as: DEMO.backoffice,
    url: () => '/back?status=all',
    main: (page) => page.getByTestId('queue-row').first().getByRole('link').first(),
  },
  {
    name: 'order',
    as: DEMO.backoffice,
    url: (ids) => `/back/orders/${ids.openOrder}`,
    main: (page, lang) => page.getByRole('button', { name: msg(lang, 'back.work.allDone') }),
  },
]

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    test(`counter and workshop screens fit ${width} px in ${lang}`, async ({ browser }) => {
      const ids = await demoIds()
      const viewport = { width, height: width === 390 ? 844 : 1024 }
      const pages = new Map<string, Page>()
      for (const screen of SCREENS) {
        await test.step(screen.name, async () => {
          let page = pages.get(screen.as)
          if (!page) {
            page = (await pageIn(browser, lang, screen.as, viewport)).page
            pages.set(screen.as, page)
          }
          await page.goto(screen.url(ids))
          await expect(page.locator('h1').first()).toBeVisible()
          await screen.prepare?.(page, lang)
          await expectNoHorizontalOverflow(page, `${lang} ${width}px ${screen.name}`)
          const main = screen.main(page, lang)
          await main.scrollIntoViewIfNeeded()
          await expect(main).toBeInViewport()
          const box = (await main.boundingBox())!
          expect(box.x >= 0 && box.x + box.width <= width + 1, `${screen.name}: main action inside the screen`).toBe(true)
          // Big enough to hit with a finger on a phone (WCAG 2.2 target size minimum is 24 px).
          expect(box.height, `${screen.name}: main action height`).toBeGreaterThanOrEqual(24)
          // The top of the page (long lists are cut at 2,000 px so the picture stays readable).
          const height = Math.min(2000, await page.evaluate(() => document.scrollingElement!.scrollHeight))
          await page.screenshot({
            path: screenshotPath(`responsive-${lang}-${width}-${screen.name}`),
            fullPage: true,
            clip: { x: 0, y: 0, width, height },
          })
        })
      }
      for (const page of pages.values()) await page.context().close()
    })
  }
}
