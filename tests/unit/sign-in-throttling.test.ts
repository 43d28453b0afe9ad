// The pieces of sign-in throttling that need no database: which address a request comes from (and when a header can
// be believed), and the gate that bounds how many password checks run at once in one process.
import { describe, expect, it } from 'vitest'
import { addressKey, clientAddress } from '@/server/auth/client-address'
import { Gate, GateBusy } from '@/server/auth/hashing-gate'
import { throttleEnv } from '@/server/env'

describe('the client address', () => {
  it('reached directly (0 trusted proxies): the rightmost X-Forwarded-For entry, which Next fills from the socket', () => {
    expect(clientAddress({ 'x-forwarded-for': '::ffff:127.0.0.1' }, 0)).toBe('127.0.0.1')
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBe('203.0.113.9')
    expect(clientAddress({}, 0)).toBe('unknown')
  })

  it('behind N proxies that append: the entry the outermost one added — what a client wrote to the left is ignored', () => {
    const forged = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 198.51.100.20' }
    expect(clientAddress(forged, 1)).toBe('198.51.100.20')
    // A CDN (which appended the client) in front of nginx (which appended the CDN).
    expect(clientAddress({ 'x-forwarded-for': '1.1.1.1, 198.51.100.20, 192.0.2.1' }, 2)).toBe('198.51.100.20')
    // Fewer entries than proxies configured: the leftmost, never past the list.
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.20' }, 3)).toBe('198.51.100.20')
  })

  it('keys IPv6 by its /64, strips ports and IPv4 mapping, and refuses what is not an address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64')
    expect(addressKey('203.0.113.7:51234')).toBe('203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    for (const junk of ['', 'evil.example', '999.1.1.1', "1.2.3.4' OR 1=1", 'x'.repeat(500)]) expect(addressKey(junk)).toBe('unknown')
  })
})

describe('the hashing gate', () => {
  function deferred() {
    let resolve!: () => void
    const promise = new Promise<void>((r) => (resolve = r))
    return { promise, resolve }
  }

  it('runs `limit` at once, queues `queue` more, and refuses the rest at once', async () => {
    const gate = new Gate(1, 2)
    const jobs = [deferred(), deferred(), deferred()]
    const order: number[] = []
    const runs = jobs.map((job, i) => gate.run(async () => (order.push(i), job.promise)))
    expect(gate.full).toBe(true)
    await expect(gate.run(async () => 'too many')).rejects.toBeInstanceOf(GateBusy)
    expect(gate.running).toBe(1)
    expect(order).toEqual([0])
    jobs[0]!.resolve()
    await runs[0]
    await new Promise((r) => setImmediate(r))
    expect(order).toEqual([0, 1])
    jobs[1]!.resolve()
    jobs[2]!.resolve()
    await Promise.all(runs)
    expect(order).toEqual([0, 1, 2])
    expect(gate.peak).toBe(1)
    expect(gate.running).toBe(0)
    expect(gate.full).toBe(false)
    // Free again: the next one runs.
    expect(await gate.run(async () => 'again')).toBe('again')
  })

  it('gives the slot back when the work throws', async () => {
    const gate = new Gate(1, 0)
    await expect(gate.run(async () => Promise.reject(new Error('argon2 failed')))).rejects.toThrow('argon2 failed')
    expect(await gate.run(async () => 'next')).toBe('next')
  })
})

describe('the settings', () => {
  it('default to a directly reached app and the documented API budget, and refuse nonsense in one readable line', () => {
    expect(throttleEnv({})).toEqual({ HANDOFF_TRUSTED_PROXIES: 0, API_RATE_BURST: 120, API_RATE_PER_SECOND: 20 })
    expect(throttleEnv({ HANDOFF_TRUSTED_PROXIES: '1', HANDOFF_LOGIN_HASH_CONCURRENCY: '2', API_RATE_BURST: '' })).toMatchObject({
      HANDOFF_TRUSTED_PROXIES: 1,
      HANDOFF_LOGIN_HASH_CONCURRENCY: 2,
      API_RATE_BURST: 120,
    })
    for (const source of [
      { HANDOFF_TRUSTED_PROXIES: 'nginx' },
      { HANDOFF_TRUSTED_PROXIES: '-1' },
      { HANDOFF_LOGIN_HASH_CONCURRENCY: '0' },
      { API_RATE_PER_SECOND: '0' },
    ]) {
      expect(() => throttleEnv(source), JSON.stringify(source)).toThrow(/^Invalid environment: [^\n]+$/)
    }
  })
})
