import { useTranslations } from 'next-intl'

/** The document as e-invoice XML for a provider that takes files (docs/decisions/024): a plain link, since the
 * answer is a file download rather than a page. */
export function XmlDownloadLink({ href }: { href: string }) {
  const t = useTranslations('back.document')
  return (
    <a href={href} download className="text-sm text-brand-700 underline underline-offset-2" data-testid="download-xml">
      {t('downloadXml')}
    </a>
  )
}
