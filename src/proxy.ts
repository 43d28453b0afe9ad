import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { apiErrorBody } from '@/lib/api-error'
import { configuredUrl } from '@/server/env'

// Two conveniences, never the security boundary (every page, action and route handler authorizes itself in
// src/server): a per-request CSP nonce for every page, and a redirect of signed-out visitors of staff areas to
// the login page. And two refusals that can only happen here, before Next's own request handling (docs/security.md):
//  - an address that is not valid percent-encoding (`/track/%FF`, `/api/v1/orders/%`): Next fails decoding it into
//    route parameters after this point and answers a bare 500 without the security headers;
//  - a cross-origin POST to a page (a server action): Next's action handler refuses a foreign Origin with a 500 and
//    ignores the scheme (`https://host` passed for an `http://host` deployment). Actions still authenticate and
//    authorize themselves (src/server/action.ts); this only keeps other sites from posting them.

const STAFF_AREA = /^\/(front|back|manager|account)(\/|$)/

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production'
  return [
    `default-src 'self'`,
    // React's dev build needs eval for its stack traces; production never gets 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Server-rendered style attributes (charts, progress bars) need inline styles; scripts stay nonce-only.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(dev ? [] : ['upgrade-insecure-requests']),
  ].join('; ')
}

const API = /^\/api(\/|$)/
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const PLAIN_CSP = "default-src 'none'; frame-ancestors 'none'"

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

function firstValue(header: string | null): string | undefined {
  return header?.split(',')[0]?.trim() || undefined
}

/** Where this deployment is reached: NEXTAUTH_URL, and the address this request was sent to (the Host, or the
 * forwarded host and scheme of the reverse proxy in front, as Next itself reads them), scheme and port included. */
function ownOrigins(request: NextRequest): Set<string> {
  const origins = new Set<string>()
  try {
    const configured = configuredUrl()
    if (configured) origins.add(configured.origin)
  } catch {
    // A malformed NEXTAUTH_URL is refused at start-up (src/server/env.ts).
  }
  const host = firstValue(request.headers.get('x-forwarded-host')) ?? request.headers.get('host')
  const forwarded = firstValue(request.headers.get('x-forwarded-proto'))
  const scheme = forwarded === 'http' || forwarded === 'https' ? forwarded : request.nextUrl.protocol.replace(':', '')
  if (host) {
    try {
      origins.add(new URL(`${scheme}://${host}`).origin)
    } catch {
      // A Host header that is no host: nothing is the same origin as it.
    }
  }
  return origins
}

/** A browser's POST from another origin (or an opaque one, `Origin: null`). Without an Origin header it is not a
 * browser's cross-site request (browsers send one with every POST), and Next's own checks apply. */
function crossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin')
  if (origin === null) return false
  return !ownOrigins(request).has(origin)
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  if (!decodable(pathname)) {
    return API.test(pathname)
      ? Response.json(apiErrorBody('BAD_REQUEST', 'The address is not valid percent-encoded UTF-8.'), { status: 400 })
      : new Response('400 Bad Request: this address is not valid. / Địa chỉ này không hợp lệ.', {
          status: 400,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': PLAIN_CSP },
        })
  }
  if (API.test(pathname)) return NextResponse.next()
  if (UNSAFE_METHODS.has(request.method) && crossOrigin(request)) {
    return Response.json(apiErrorBody('FORBIDDEN', 'Requests from another site are refused.'), {
      status: 403,
      headers: { 'content-security-policy': PLAIN_CSP },
    })
  }
  if (STAFF_AREA.test(pathname)) {
    const token = await getToken({ req: request })
    if (!token) {
      const login = new URL('/login', request.url)
      login.searchParams.set('callbackUrl', `${pathname}${search}`)
      return NextResponse.redirect(login)
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const csp = contentSecurityPolicy(nonce)
  const headers = new Headers(request.headers)
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set('x-nonce', nonce)
  headers.set('Content-Security-Policy', csp)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', csp)
  return response
}

export const config = {
  matcher: [
    // Any address holding an escape, prefetch or not, for the decoding check above; the rest of /api never runs it.
    '/:path(.*%.*)',
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}
