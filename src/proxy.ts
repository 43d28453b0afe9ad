import { withAuth } from 'next-auth/middleware'

// Convenience only: send signed-out visitors of staff areas to the login page. Every page, action and route handler
// authorizes itself in src/server; this proxy is never the security boundary.
export const proxy = withAuth({ pages: { signIn: '/login' } })

export const config = { matcher: ['/front/:path*', '/back/:path*', '/manager/:path*'] }
