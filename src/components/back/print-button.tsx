'use client'

import { Printer } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { IconButton } from '@/components/ui/button'

/** Opens the browser's print dialog ("Save as PDF" gives a clean A4 document: the app's frame is not printed). */
export function PrintButton() {
  const t = useTranslations('back.document')
  return <IconButton icon={Printer} label={t('print')} variant="primary" onClick={() => window.print()} />
}
