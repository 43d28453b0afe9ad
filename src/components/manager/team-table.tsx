'use client'

import { KeyRound, UserPlus } from 'lucide-react'
import Link from 'next/link'
import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { createStaffAction, resetPasswordAction, setHomeRoleAction, setStaffActiveAction } from '@/app/(manager)/manager/actions'
import { HOME_ROLES, type HomeRole } from '@/domain/permissions'
import { PASSWORD_MIN } from '@/lib/schemas/team'
import type { TeamMemberDTO } from '@/server/team/list-team'
import { Field, FormError, StatusMessage, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from './form-bits'
import { Modal } from './modal'
import { useAction } from './use-action'

/** The staff list: add people, change home roles, reset passwords, deactivate and reactivate. */
export function TeamTable({ team }: { team: TeamMemberDTO[] }) {
  const t = useTranslations('manager.team')
  const format = useFormatter()
  const [status, setStatus] = useState<string | null>(null)
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusMessage message={status} />
        <CreateStaffDialog onDone={setStatus} />
      </div>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full min-w-[720px] text-sm">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('name')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('homeRole')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('status')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('openOrders')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('lastLogin')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t('actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id} className={`border-t border-slate-100 ${m.active ? '' : 'bg-slate-50 text-slate-500'}`} data-testid={`team-row-${m.email}`}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="block font-medium text-slate-900">
                    {m.name}
                    {m.isSelf && <span className="ml-1 text-xs font-normal text-slate-500">({t('you')})</span>}
                  </span>
                  <span className="text-xs">{m.email}</span>
                </th>
                <td className="px-3 py-2">
                  <RoleSelect member={m} onDone={setStatus} />
                </td>
                <td className="px-3 py-2">
                  <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${m.active ? 'bg-emerald-50 text-emerald-900 ring-emerald-300' : 'bg-slate-100 text-slate-700 ring-slate-300'}`}>
                    {m.active ? t('active') : t('inactive')}
                  </span>
                </td>
                <td className="px-3 py-2 tabular-nums">
                  {m.openOrders > 0 ? (
                    <Link href={`/manager/absences?handoff=${m.id}#handoff`} className="text-brand-700 underline">
                      {t('openOrdersLink', { count: m.openOrders })}
                    </Link>
                  ) : (
                    <span className="text-slate-400">0</span>
                  )}
                </td>
                <td className="px-3 py-2 text-xs" suppressHydrationWarning>{m.lastLoginAt ? format.relativeTime(new Date(m.lastLoginAt), new Date()) : t('never')}</td>
                <td className="px-3 py-2">
                  <div className="flex justify-end gap-2">
                    <ResetPasswordDialog member={m} onDone={setStatus} />
                    {!m.isSelf && <ActiveToggle member={m} onDone={setStatus} />}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-600">
        {t('skillsHint')}{' '}
        <Link href="/manager" className="text-brand-700 underline">
          {t('skillsLink')}
        </Link>
      </p>
    </div>
  )
}

function RoleSelect({ member, onDone }: { member: TeamMemberDTO; onDone: (m: string) => void }) {
  const t = useTranslations('manager.team')
  const common = useTranslations('common')
  const { run, pending, formError } = useAction(setHomeRoleAction)
  return (
    <div>
      <label className="sr-only" htmlFor={`role-${member.id}`}>
        {t('homeRoleOf', { name: member.name })}
      </label>
      <select
        id={`role-${member.id}`}
        value={member.homeRole}
        disabled={pending || !member.active}
        onChange={async (e) => {
          const homeRole = e.target.value as HomeRole
          const result = await run({ userId: member.id, homeRole })
          if (result.ok) onDone(t('roleChanged', { name: member.name, role: common(`roles.${homeRole}`) }))
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-100"
      >
        {HOME_ROLES.map((r) => (
          <option key={r} value={r}>
            {common(`roles.${r}`)}
          </option>
        ))}
      </select>
      {formError && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {formError}
        </p>
      )}
    </div>
  )
}

function ActiveToggle({ member, onDone }: { member: TeamMemberDTO; onDone: (m: string) => void }) {
  const t = useTranslations('manager.team')
  const common = useTranslations('common')
  const [open, setOpen] = useState(false)
  const { run, pending, formError, reset } = useAction(setStaffActiveAction)
  const deactivating = member.active
  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setOpen(o)
        if (o) reset()
      }}
      title={deactivating ? t('deactivateTitle', { name: member.name }) : t('reactivateTitle', { name: member.name })}
      description={deactivating ? t('deactivateExplain', { count: member.openOrders }) : t('reactivateExplain')}
      trigger={
        <button type="button" className={secondaryButtonClass}>
          {deactivating ? t('deactivate') : t('reactivate')}
        </button>
      }
    >
      <FormError message={formError} />
      <div className="mt-3 flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
          {common('actions.cancel')}
        </button>
        <button
          type="button"
          className={deactivating ? dangerButtonClass : buttonClass}
          disabled={pending}
          onClick={async () => {
            const result = await run({ userId: member.id, active: !deactivating })
            if (result.ok) {
              setOpen(false)
              onDone(deactivating ? t('deactivated', { name: member.name }) : t('reactivated', { name: member.name }))
            }
          }}
        >
          {deactivating ? t('deactivate') : t('reactivate')}
        </button>
      </div>
    </Modal>
  )
}

function ResetPasswordDialog({ member, onDone }: { member: TeamMemberDTO; onDone: (m: string) => void }) {
  const t = useTranslations('manager.team')
  const common = useTranslations('common')
  const [open, setOpen] = useState(false)
  const { run, pending, fieldErrors, formError, reset } = useAction(resetPasswordAction, { refresh: false })
  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setOpen(o)
        if (o) reset()
      }}
      title={t('resetTitle', { name: member.name })}
      description={t('resetExplain')}
      trigger={
        <button type="button" className={secondaryButtonClass} disabled={!member.active} aria-label={t('resetFor', { name: member.name })}>
          <KeyRound className="size-4" aria-hidden />
          <span className="hidden sm:inline">{t('reset')}</span>
        </button>
      }
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault()
          const password = String(new FormData(e.currentTarget).get('password') ?? '')
          const result = await run({ userId: member.id, password })
          if (result.ok) {
            setOpen(false)
            onDone(t('resetDone', { name: member.name }))
          }
        }}
      >
        <Field label={t('newPassword')} errors={fieldErrors.password} hint={t('passwordHint', { min: PASSWORD_MIN })}>
          {(p) => <input {...p} name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} required className={inputClass} />}
        </Field>
        <FormError message={formError} />
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
            {common('actions.cancel')}
          </button>
          <button type="submit" className={buttonClass} disabled={pending}>
            {t('setPassword')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

function CreateStaffDialog({ onDone }: { onDone: (m: string) => void }) {
  const t = useTranslations('manager.team')
  const common = useTranslations('common')
  const [open, setOpen] = useState(false)
  const { run, pending, fieldErrors, formError, reset } = useAction(createStaffAction)
  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setOpen(o)
        if (o) reset()
      }}
      title={t('addTitle')}
      description={t('addExplain')}
      trigger={
        <button type="button" className={buttonClass}>
          <UserPlus className="size-4" aria-hidden />
          {t('add')}
        </button>
      }
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault()
          const form = new FormData(e.currentTarget)
          const result = await run({
            name: String(form.get('name') ?? ''),
            email: String(form.get('email') ?? ''),
            homeRole: String(form.get('homeRole') ?? ''),
            password: String(form.get('password') ?? ''),
          })
          if (result.ok) {
            setOpen(false)
            onDone(t('added', { name: result.data.name }))
          }
        }}
      >
        <Field label={t('name')} errors={fieldErrors.name}>
          {(p) => <input {...p} name="name" required maxLength={120} autoComplete="off" className={inputClass} />}
        </Field>
        <Field label={t('email')} errors={fieldErrors.email}>
          {(p) => <input {...p} name="email" type="email" required maxLength={254} autoComplete="off" className={inputClass} />}
        </Field>
        <Field label={t('homeRole')} errors={fieldErrors.homeRole} hint={t('homeRoleHint')}>
          {(p) => (
            <select {...p} name="homeRole" defaultValue="RECEPTIONIST" className={inputClass}>
              {HOME_ROLES.map((r) => (
                <option key={r} value={r}>
                  {common(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('initialPassword')} errors={fieldErrors.password} hint={t('passwordHint', { min: PASSWORD_MIN })}>
          {(p) => <input {...p} name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} required className={inputClass} />}
        </Field>
        <FormError message={formError} />
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
            {common('actions.cancel')}
          </button>
          <button type="submit" className={buttonClass} disabled={pending}>
            {pending ? t('adding') : t('add')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
