import { isIP } from 'node:net'

// Which address a sign-in comes from. Route handlers never see the socket: Next's server fills X-Forwarded-For with
// the socket's address only when the request has none (`??=` in next/dist/server/base-server.js), so a client that
// talks to the app directly can write the header itself. Behind reverse proxies that *append* the address they saw
// (nginx `proxy_add_x_forwarded_for`, HAProxy `option forwardfor`), the entries those proxies added are the rightmost
// ones and cannot be forged: with HANDOFF_TRUSTED_PROXIES=N the client is the N-th entry from the right. With 0 (the
// app reached directly, as in development and the end-to-end tests) the rightmost entry is used — Next's own socket
// address unless the client sent the header, which is why production runs behind its TLS proxy with N ≥ 1
// (docs/security.md).

export type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined

function header(headers: HeaderBag, name: string): string {
  if (!headers) return ''
  if (headers instanceof Headers) return headers.get(name) ?? ''
  const value = headers[name] ?? headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(',') : (value ?? '')
}

/** An address as a throttling key: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 (one subscriber's block —
 * anyone can rotate through the addresses inside it), anything unparseable as 'unknown'. */
export function addressKey(raw: string): string {
  let value = raw.trim().toLowerCase()
  // "[2001:db8::1]:443" or "203.0.113.7:51234" from proxies that add the port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]!
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  if (value.startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7)
  const kind = isIP(value)
  if (kind === 4) return value
  if (kind !== 6) return 'unknown'
  return `${expandIPv6(value).slice(0, 4).join(':')}::/64`
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  // An embedded IPv4 tail ("::1.2.3.4") counts as two groups; only the first four groups are kept anyway.
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return groups.map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')))
}

/** The client's address for throttling, given how many trusted proxies append to X-Forwarded-For. */
export function clientAddress(headers: HeaderBag, trustedProxies: number): string {
  const hops = header(headers, 'x-forwarded-for')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (hops.length === 0) return 'unknown'
  // 0 and 1 read the same entry: Next's socket address, or the one our single proxy appended.
  const index = Math.max(0, hops.length - Math.max(1, trustedProxies))
  return addressKey(hops[index]!)
}
