'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { createShopSkillAction, setShopSkillLevelAction } from '@/actions/team'
import { SKILL_LEVELS } from '@/domain/permissions'
import { shopSkillName } from '@/domain/shop-skills'
import type { ShopSkillsDTO } from '@/server/shop-skills/list-shop-skills'
import { ActionSelect } from '@/components/ui/action-select'
import { FormError, InputField, StatusMessage } from '@/components/ui/field'
import { submitFields } from '@/components/ui/form-submit'
import { Section } from '@/components/ui/section'
import { buttonClass } from '@/components/ui/styles'
import { DataTable } from '@/components/ui/table'
import { useAction } from '@/components/ui/use-action'

/**
 * Skills of the shop's own (ADR 014): add one with its name in both languages, and certify people in it (0–3, as
 * for tasks; 2 or more can make the products that require it). No rights change with it.
 */
export function ShopSkillsPanel({ data }: { data: ShopSkillsDTO }) {
  const t = useTranslations('manager.shopSkills')
  const common = useTranslations('common')
  const locale = useLocale()
  const [status, setStatus] = useState<string | null>(null)
  return (
    <Section id="shop-skills-title" title={t('title')} explain={t('explain')} data-testid="shop-skills">
      <div className="mt-3 space-y-3">
        <StatusMessage message={status} />
        <AddShopSkill onDone={setStatus} />
        {data.skills.length === 0 ? (
          <p className="text-sm text-slate-600">{t('none')}</p>
        ) : (
          <DataTable
            caption={t('title')}
            className="min-w-[480px]"
            columns={[
              { label: t('person') },
              ...data.skills.map((s) => ({
                label: (
                  <>
                    {shopSkillName(s, locale)}
                    <span className="block font-normal">{t('products', { count: s.products })}</span>
                  </>
                ),
              })),
            ]}
          >
            {data.people.map((p) => (
              <tr key={p.id} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1.5 text-left font-medium">
                  {p.name}
                </th>
                {data.skills.map((s) => (
                  <td key={s.id} className="px-3 py-1.5">
                    <LevelSelect
                      person={p}
                      skill={s}
                      label={t('levelOf', { name: p.name, skill: shopSkillName(s, locale) })}
                      levelName={(l) => `${l} — ${common(`levels.${l}`)}`}
                      onDone={setStatus}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Section>
  )
}

function AddShopSkill({ onDone }: { onDone: (message: string) => void }) {
  const t = useTranslations('manager.shopSkills')
  const locale = useLocale()
  const { run, pending, fieldErrors, formError } = useAction(createShopSkillAction)
  const submit = submitFields(['nameVi', 'nameEn'], run, (skill, _, form) => {
    form.reset()
    onDone(t('added', { name: shopSkillName(skill, locale) }))
  })
  return (
    <form onSubmit={submit} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid="add-shop-skill">
      <InputField label={t('nameVi')} errors={fieldErrors.nameVi} name="nameVi" required maxLength={80} lang="vi" />
      <InputField label={t('nameEn')} errors={fieldErrors.nameEn} name="nameEn" required maxLength={80} lang="en" />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('adding') : t('add')}
      </button>
      <div className="sm:col-span-3">
        <FormError message={formError} />
      </div>
    </form>
  )
}

function LevelSelect({
  person,
  skill,
  label,
  levelName,
  onDone,
}: {
  person: ShopSkillsDTO['people'][number]
  skill: ShopSkillsDTO['skills'][number]
  label: string
  levelName: (level: number) => string
  onDone: (message: string) => void
}) {
  const t = useTranslations('manager.shopSkills')
  const locale = useLocale()
  const held = person.levels[skill.id]
  return (
    <ActionSelect
      action={setShopSkillLevelAction}
      input={(level) => ({ userId: person.id, skillId: skill.id, level: Number(level) })}
      onDone={(_, level) => onDone(t('saved', { name: person.name, skill: shopSkillName(skill, locale), level: Number(level) }))}
      label={label}
      value={held?.level ?? 0}
      options={SKILL_LEVELS.map((l) => ({ value: l, label: levelName(l) }))}
      data-testid={`shop-level-${person.id}-${skill.id}`}
    >
      {held?.overdue && <span className="text-xs text-amber-800">{t('overdue')}</span>}
    </ActionSelect>
  )
}
