import { getFormatter, getTranslations } from 'next-intl/server'
import { requirePageTask } from '@/server/auth/guard'
import { listApiTokens } from '@/server/api-tokens/list-api-tokens'
import { listStaff } from '@/server/team/list-staff'
import { CreateTokenForm, RevokeButton } from './token-forms'
import { LinkedHint } from '@/components/ui/linked-hint'
import { TableHead } from '@/components/ui/table'
import { columnsFrom } from '@/components/ui/table-columns'

export default async function ApiTokensPage() {
  const actor = await requirePageTask('MANAGE_TEAM')
  const [tokens, staff, t, format] = await Promise.all([
    listApiTokens(actor),
    listStaff(actor),
    getTranslations('api.tokens'),
    getFormatter(),
  ])
  return (
    <section aria-labelledby="tokens-title" className="space-y-6">
      <div>
        <h1 id="tokens-title" className="text-2xl font-bold">
          {t('title')}
        </h1>
        <LinkedHint href="/developers/api" link={t('docs')}>
          {t('intro')}
        </LinkedHint>
      </div>
      <CreateTokenForm staff={staff.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name }))} />
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className="w-full text-sm">
          <TableHead
            className="bg-slate-50 text-left text-slate-600"
            cellClassName="px-3 py-2"
            columns={[...columnsFrom(t, ['name', 'owner', 'prefix', 'lastUsed', 'state']), { label: t('actions'), srOnly: true }]}
          />
          <tbody>
            {tokens.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-600">
                  {t('none')}
                </td>
              </tr>
            )}
            {tokens.map((token) => (
              <tr key={token.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{token.name}</td>
                <td className="px-3 py-2">{token.user.name}</td>
                <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                <td className="px-3 py-2">
                  {token.lastUsedAt ? format.dateTime(new Date(token.lastUsedAt), { dateStyle: 'short', timeStyle: 'short' }) : t('never')}
                </td>
                <td className="px-3 py-2">{token.revokedAt ? t('revoked') : t('active')}</td>
                <td className="px-3 py-2 text-right">{!token.revokedAt && <RevokeButton tokenId={token.id} label={t('revoke')} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
