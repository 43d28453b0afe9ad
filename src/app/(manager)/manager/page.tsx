import { getTranslations } from 'next-intl/server'
import { TASKS } from '@/domain/permissions'
import { requirePageTask } from '@/server/auth/guard'
import { listStaff } from '@/server/team/list-staff'

const LEVEL_TONE = ['bg-slate-100 text-slate-500', 'bg-amber-100 text-amber-900', 'bg-emerald-100 text-emerald-900', 'bg-emerald-600 text-white']

export default async function ManagerHome() {
  const actor = await requirePageTask('MANAGE_TEAM')
  const [staff, t, common] = await Promise.all([listStaff(actor), getTranslations('manager.team'), getTranslations('common')])
  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title" className="mb-4 text-2xl font-bold">
        {t('title')}
      </h1>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{t('name')}</th>
              <th className="px-3 py-2">{t('homeRole')}</th>
              {TASKS.map((task) => (
                <th key={task} className="px-2 py-2 text-center text-xs font-medium">
                  {common(`tasks.${task}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id} className={`border-t border-slate-100 ${s.active ? '' : 'opacity-50'}`}>
                <td className="px-3 py-2 font-medium">{s.name}</td>
                <td className="px-3 py-2">{common(`roles.${s.homeRole}`)}</td>
                {TASKS.map((task) => (
                  <td key={task} className="px-2 py-2 text-center">
                    <span className={`inline-block min-w-8 rounded px-1.5 py-0.5 text-xs font-semibold ${LEVEL_TONE[s.skills[task]] ?? ''}`} title={common(`levels.${s.skills[task]}`)}>
                      {s.skills[task]}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
