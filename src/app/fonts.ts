import localFont from 'next/font/local'

/**
 * The monospace face of tickets, receipts and document numbers: IBM Plex Mono (SIL OFL 1.1, npm `@ibm/plex-mono`),
 * its "complete" files, which carry every precomposed Vietnamese letter (U+1EA0–1EF9, Ơ/Ư, Đ, Ă) and ₫. The
 * machine's own monospace font may not: a receipt then printed "Hồ" as "Hô" plus a loose grave accent. Served from
 * the app (next/font/local; a font fetched from a web font service at build time would fail offline), so every print looks the same.
 */
export const plexMono = localFont({
  src: [
    { path: '../../node_modules/@ibm/plex-mono/fonts/complete/woff2/IBMPlexMono-Regular.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/@ibm/plex-mono/fonts/complete/woff2/IBMPlexMono-SemiBold.woff2', weight: '600', style: 'normal' },
    { path: '../../node_modules/@ibm/plex-mono/fonts/complete/woff2/IBMPlexMono-Bold.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-plex-mono',
  // A receipt printed while the font is still loading must not come out in a fallback without Vietnamese letters.
  display: 'block',
  fallback: ['ui-monospace', 'DejaVu Sans Mono', 'monospace'],
})
