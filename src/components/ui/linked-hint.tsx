import Link from 'next/link'
import type { ReactNode } from 'react'

/** A line of explanation that ends with a link to where to read or do more ("… See the API documentation"). */
export function LinkedHint({ children, href, link }: { children: ReactNode; href: string; link: ReactNode }) {
  return (
    <p className="text-sm text-slate-600">
      {children}{' '}
      <Link href={href} className="text-brand-700 underline">
        {link}
      </Link>
    </p>
  )
}
