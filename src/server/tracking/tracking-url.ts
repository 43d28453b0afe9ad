import 'server-only'
import { headers } from 'next/headers'
import { configuredUrl } from '../env'

/**
 * Absolute URL of a tracking page, from the host the counter's browser used (so the QR code works on the shop's
 * network name or public domain alike). Behind a proxy, X-Forwarded-Host/Proto win; NEXTAUTH_URL is the fallback.
 */
export async function trackingUrl(token: string): Promise<string> {
  const h = await headers()
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host')
  const forwarded = h.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : (configuredProtocol() ?? 'http')
  const path = `/track/${encodeURIComponent(token)}`
  try {
    return new URL(path, host ? `${proto}://${host}` : (configuredUrl() ?? 'http://localhost:3000')).toString()
  } catch {
    // A malformed Host header: a relative link still works on the screen; the QR code then carries only the path.
    return path
  }
}

function configuredProtocol(): string | null {
  try {
    const protocol = configuredUrl()?.protocol ?? null
    return protocol === 'https:' ? 'https' : protocol === 'http:' ? 'http' : null
  } catch {
    return null
  }
}
