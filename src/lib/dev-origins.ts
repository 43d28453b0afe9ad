/**
 * Hosts the development server answers as itself. `next dev` refuses its scripts to any page opened on a host it does
 * not know (only `localhost`): opened at http://127.0.0.1:3000 the sign-in page never came to life, its form was
 * submitted by the browser as a plain GET (the password in the address bar) and the visitor landed back on it without
 * a word. Every loopback spelling is the same machine, and NEXTAUTH_URL's host is the address the app was given.
 * Production (`next start`) does not use this list.
 */
export function devOrigins(env: Partial<Record<'NEXTAUTH_URL', string | undefined>> = process.env): string[] {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])
  try {
    if (env.NEXTAUTH_URL) hosts.add(new URL(env.NEXTAUTH_URL).hostname)
  } catch {
    // An unparsable NEXTAUTH_URL is reported by the environment check at start-up (src/server/env.ts).
  }
  return [...hosts]
}
