'use client'

import { useTranslations } from 'next-intl'
import { useMemo, type Ref } from 'react'
import type { CatalogEntry } from '@/domain/catalog-search'
import type { ProductHitDTO } from '@/server/catalog/search-products'
import { LineRow, type DraftLine } from '../line-row'
import { ProductPicker, type ProductPickerHandle } from '../product-picker'
import type { FieldErrors } from './intake-state'
import { StepHeading } from './step-heading'

/** Step 2: the product search and the order's lines, with a column header on wider screens. */
export function LinesSection({
  id,
  lines,
  errors,
  productRef,
  catalog,
  currency,
  locale,
  canOverride,
  lineFormId,
  onAdd,
  onPatch,
  onRemove,
  onDone,
  registerQuantity,
}: {
  id: string
  lines: DraftLine[]
  errors: FieldErrors
  productRef: Ref<ProductPickerHandle>
  catalog: readonly CatalogEntry<ProductHitDTO>[]
  currency: string
  locale: string
  canOverride: boolean
  lineFormId: (key: string) => string
  onAdd: (product: ProductHitDTO, ahead: readonly string[]) => void
  onPatch: (key: string, patch: Partial<DraftLine>) => void
  onRemove: (key: string) => void
  onDone: () => void
  registerQuantity: (key: string, element: HTMLInputElement | null) => void
}) {
  const t = useTranslations('front.intake')
  // Line errors grouped per line (stable object per render of errors only, so untouched rows stay memoized).
  const lineErrors = useMemo(() => {
    const out: Record<number, string[]> = {}
    for (const [path, message] of Object.entries(errors)) {
      const m = /^lines\.(\d+)/.exec(path)
      if (m) (out[Number(m[1])] ??= []).push(message)
    }
    return out
  }, [errors])
  return (
    <section aria-labelledby={`${id}-lines`} className="rounded-lg bg-white ring-1 ring-slate-200">
      <div className="p-4 pb-3">
        <StepHeading id={`${id}-lines`} step={2} className="mb-3 text-lg font-semibold">
          {t('lines.title')}
          {lines.length > 0 && <span className="ml-2 text-sm font-normal text-slate-500">{t('lines.count', { count: lines.length })}</span>}
        </StepHeading>
        <ProductPicker ref={productRef} currency={currency} catalog={catalog} onAdd={onAdd} error={errors.lines} />
      </div>
      {lines.length === 0 ? (
        <p className="border-t border-slate-100 px-4 py-6 text-center text-sm text-slate-500">{t('lines.empty')}</p>
      ) : (
        <>
          <div
            className="hidden border-y border-slate-100 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-600 md:grid md:grid-cols-[1.5rem_minmax(0,1fr)_5.5rem_8.5rem_8rem_2.25rem] md:gap-x-2"
            aria-hidden
          >
            <span />
            <span>{t('lines.product')}</span>
            <span className="text-right">{t('lines.quantity')}</span>
            <span className="text-right">{t('lines.unitPrice')}</span>
            <span className="text-right">{t('lines.total')}</span>
            <span />
          </div>
          <ol className="pb-1" aria-label={t('lines.title')}>
            {lines.map((line, i) => (
              <LineRow
                key={line.key}
                line={line}
                index={i}
                formId={lineFormId(line.key)}
                currency={currency}
                locale={locale}
                canOverride={canOverride}
                errors={lineErrors[i]}
                onPatch={onPatch}
                onRemove={onRemove}
                onDone={onDone}
                registerQuantity={registerQuantity}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
