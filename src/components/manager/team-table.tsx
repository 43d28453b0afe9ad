'use client'

import { KeyRound, UserPlus } from 'lucide-react'
import Link from 'next/link'
import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { createStaffAction, resetPasswordAction, setHomeRoleAction, setStaffActiveAction } from '@/actions/team'
import { HOME_ROLES, type HomeRole } from '@/domain/permissions'
import type { TeamMemberDTO } from '@/server/team/list-team'
import { IconButton } from '@/components/ui/button'
import { ConfirmDialog, DialogButtons, Modal, useDialog } from '@/components/ui/dialog'
import { ActionSelect } from '@/components/ui/action-select'
import { InputField, SelectField, StatusMessage } from '@/components/ui/field'
import { submitFields } from '@/components/ui/form-submit'
import { secondaryButtonClass } from '@/components/ui/styles'
import { DataTable } from '@/components/ui/table'
import { columnsFrom } from '@/components/ui/table-columns'
import { useAction } from '@/components/ui/use-action'
import { DeactivationHandover } from './reassign-form'

/**
 * The staff list: add people, change home roles, reset passwords, deactivate and reactivate. `passwordMin` comes from
 * the server page: importing the policy here would ship zod and the common-password list to the browser (~35 kB gzip)
 * for one number; the server checks the password anyway.
 */
const COLUMNS = ['name', 'homeRole', 'status', 'openOrders', 'lastLogin', 'actions'] as const

export function TeamTable({ team, passwordMin }: { team: TeamMemberDTO[]; passwordMin: number }) {
  const t = useTranslations('manager.team')
  const format = useFormatter()
  const [status, setStatus] = useState<string | null>(null)
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusMessage message={status} />
        <CreateStaffDialog onDone={setStatus} passwordMin={passwordMin} />
      </div>
      <DataTable caption={t('caption')} className="min-w-[720px]" columns={columnsFrom(t, COLUMNS, ['actions'])}>
        {team.map((m) => (
          <tr
            key={m.id}
            className={`border-t border-slate-100 ${m.active ? '' : 'bg-slate-50 text-slate-500'}`}
            data-testid={`team-row-${m.email}`}
          >
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
              <span
                className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${m.active ? 'bg-emerald-50 text-emerald-900 ring-emerald-300' : 'bg-slate-100 text-slate-700 ring-slate-300'}`}
              >
                {m.active ? t('active') : t('inactive')}
              </span>
            </td>
            <td className="px-3 py-2 tabular-nums">
              {m.openOrders > 0 ? (
                <Link href={`/manager/absences?reassign=${m.id}#reassign`} className="text-brand-700 underline">
                  {t('openOrdersLink', { count: m.openOrders })}
                </Link>
              ) : (
                <span className="text-slate-400">0</span>
              )}
            </td>
            <td className="px-3 py-2 text-xs" suppressHydrationWarning>
              {m.lastLoginAt ? format.relativeTime(new Date(m.lastLoginAt), new Date()) : t('never')}
            </td>
            <td className="px-3 py-2">
              <div className="flex justify-end gap-2">
                <ResetPasswordDialog member={m} onDone={setStatus} passwordMin={passwordMin} />
                {!m.isSelf && <ActiveToggle member={m} onDone={setStatus} />}
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
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
  const roles = useRoleOptions()
  return (
    <ActionSelect
      action={setHomeRoleAction}
      input={(homeRole) => ({ userId: member.id, homeRole: homeRole as HomeRole })}
      onDone={(_, homeRole) =>
        onDone(t('roleChanged', { name: member.name, role: roles.find((r) => r.value === homeRole)?.label ?? homeRole }))
      }
      label={t('homeRoleOf', { name: member.name })}
      value={member.homeRole}
      disabled={!member.active}
      options={roles}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-100"
    />
  )
}

/** The home roles as a select offers them, in the reader's language. */
function useRoleOptions() {
  const common = useTranslations('common')
  return HOME_ROLES.map((r) => ({ value: r, label: common(`roles.${r}`) }))
}

/** A new password for someone, with the policy's minimum length said under it. */
function PasswordField({ label, errors, passwordMin }: { label: string; errors?: string[]; passwordMin: number }) {
  const t = useTranslations('manager.team')
  return (
    <InputField
      label={label}
      errors={errors}
      hint={t('passwordHint', { min: passwordMin })}
      name="password"
      type="password"
      autoComplete="new-password"
      minLength={passwordMin}
      required
    />
  )
}

function ActiveToggle({ member, onDone }: { member: TeamMemberDTO; onDone: (m: string) => void }) {
  const t = useTranslations('manager.team')
  const deactivating = member.active
  const label = deactivating ? t('deactivate') : t('reactivate')
  const [handOverTo, setHandOverTo] = useState('')
  const handsOver = deactivating && member.openOrders > 0
  return (
    <ConfirmDialog
      action={setStaffActiveAction}
      input={() => ({ userId: member.id, active: !deactivating, ...(handsOver && handOverTo ? { handOverTo } : {}) })}
      onDone={(r) =>
        onDone(
          !deactivating
            ? t('reactivated', { name: member.name })
            : r.handedOver > 0
              ? t('deactivatedHanded', { name: member.name, count: r.handedOver })
              : t('deactivated', { name: member.name }),
        )
      }
      title={deactivating ? t('deactivateTitle', { name: member.name }) : t('reactivateTitle', { name: member.name })}
      description={deactivating ? t('deactivateExplain', { count: member.openOrders }) : t('reactivateExplain')}
      trigger={
        <button type="button" className={secondaryButtonClass}>
          {label}
        </button>
      }
      confirmLabel={label}
      danger={deactivating}
    >
      {handsOver && <DeactivationHandover userId={member.id} onChoose={setHandOverTo} />}
    </ConfirmDialog>
  )
}

function ResetPasswordDialog({ member, onDone, passwordMin }: { member: TeamMemberDTO; onDone: (m: string) => void; passwordMin: number }) {
  const t = useTranslations('manager.team')
  const { run, pending, fieldErrors, formError, reset } = useAction(resetPasswordAction, { refresh: false })
  const dialog = useDialog(reset)
  return (
    <Modal
      {...dialog.modal}
      title={t('resetTitle', { name: member.name })}
      description={t('resetExplain')}
      trigger={
        <IconButton
          icon={KeyRound}
          label={t('reset')}
          iconOnlyOnPhone
          disabled={!member.active}
          aria-label={t('resetFor', { name: member.name })}
        />
      }
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={submitFields(
          ['password'],
          (f) => run({ userId: member.id, ...f }),
          () => {
            dialog.close()
            onDone(t('resetDone', { name: member.name }))
          },
        )}
      >
        <PasswordField label={t('newPassword')} errors={fieldErrors.password} passwordMin={passwordMin} />
        <DialogButtons error={formError} label={t('setPassword')} pending={pending} onCancel={dialog.close} />
      </form>
    </Modal>
  )
}

function CreateStaffDialog({ onDone, passwordMin }: { onDone: (m: string) => void; passwordMin: number }) {
  const t = useTranslations('manager.team')
  const roles = useRoleOptions()
  const { run, pending, fieldErrors, formError, reset } = useAction(createStaffAction)
  const dialog = useDialog(reset)
  return (
    <Modal
      {...dialog.modal}
      title={t('addTitle')}
      description={t('addExplain')}
      trigger={<IconButton icon={UserPlus} label={t('add')} variant="primary" />}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={submitFields(['name', 'email', 'homeRole', 'password'], run, (added) => {
          dialog.close()
          onDone(t('added', { name: added.name }))
        })}
      >
        <InputField label={t('name')} errors={fieldErrors.name} name="name" required maxLength={120} autoComplete="off" />
        <InputField label={t('email')} errors={fieldErrors.email} name="email" type="email" required maxLength={254} autoComplete="off" />
        <SelectField
          label={t('homeRole')}
          errors={fieldErrors.homeRole}
          hint={t('homeRoleHint')}
          name="homeRole"
          defaultValue="RECEPTIONIST"
          options={roles}
        />
        <PasswordField label={t('initialPassword')} errors={fieldErrors.password} passwordMin={passwordMin} />
        <DialogButtons error={formError} label={pending ? t('adding') : t('add')} pending={pending} onCancel={dialog.close} />
      </form>
    </Modal>
  )
}
