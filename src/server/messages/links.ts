import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { configuredUrl, readEnv } from '../env'

/** Absolute links in messages: they leave the shop, so they use the configured public address (NEXTAUTH_URL). */
export function publicUrl(path: string): string {
  return new URL(path, configuredUrl() ?? 'http://localhost:3000').toString()
}

function mac(customerId: string): string {
  return createHmac('sha256', readEnv().NEXTAUTH_SECRET).update(`opt-out:${customerId}`).digest('base64url').slice(0, 32)
}

/** The opt-out link's token: the customer id and its signature, so nobody can opt someone else out by guessing. */
export function optOutToken(customerId: string): string {
  return `${customerId}.${mac(customerId)}`
}

/** The customer a token was made for, or null when it is not one of ours. */
export function customerOfOptOutToken(token: string): string | null {
  const [id, signature] = token.split('.')
  if (!id || !signature || !/^[0-9a-f-]{36}$/.test(id)) return null
  const expected = Buffer.from(mac(id))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null
}

export const optOutUrl = (customerId: string) => publicUrl(`/m/opt-out/${optOutToken(customerId)}`)
export const trackingLink = (token: string) => publicUrl(`/track/${encodeURIComponent(token)}`)
