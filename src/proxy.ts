import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'

// Two conveniences, never the security boundary (every page, action and route handler authorizes itself in
// src/server): a per-request CSP nonce for every page, and a redirect of signed-out visitors of staff areas to
// the login page.

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

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
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
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}
