import { describe, expect, it } from 'vitest'
import nextConfig from '../../next.config'
import { devOrigins } from '@/lib/dev-origins'

describe('development server hosts', () => {
  it('lets the app run in development at 127.0.0.1 as well as localhost (the README says localhost)', () => {
    expect(nextConfig.allowedDevOrigins).toEqual(expect.arrayContaining(['127.0.0.1', '[::1]']))
  })

  it("also accepts NEXTAUTH_URL's host, and ignores one that is not a URL", () => {
    expect(devOrigins({ NEXTAUTH_URL: 'http://handoff.lan:3000' })).toContain('handoff.lan')
    expect(devOrigins({ NEXTAUTH_URL: 'not a url' })).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']))
  })
})
