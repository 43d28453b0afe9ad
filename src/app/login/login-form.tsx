'use client'

import { signIn } from 'next-auth/react'
import { useTranslations } from 'next-intl'
import { Field } from '@/components/ui/field'
import { useState, useSyncExternalStore, type ComponentProps } from 'react'

/** Only same-site paths: an attacker's ?callbackUrl=https://evil must not become a redirect. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/'
}

/** A required credential input with its label (the sign-in reads it by name). */
function LoginField({ label, ...input }: { label: string; name: string } & Omit<ComponentProps<'input'>, 'id' | 'className'>) {
  return (
    <Field label={label}>
      {({ id }) => (
        <input
          id={id}
          required
          {...input}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-500"
        />
      )}
    </Field>
  )
}

const subscribeNever = () => () => {}

/** True once React runs this page in the browser (false in the server's HTML and before hydration). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  )
}

export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations('auth')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  // Signing in needs this page's scripts. Until they run the button stays disabled, and if they never do (blocked,
  // offline, a host the development server refuses) a note says so after a moment instead of failing in silence.
  const hydrated = useHydrated()

  /** The server's SignInThrottled:<s> / SignInBusy:<s> (src/server/auth/verify-login.ts) as words; otherwise the one
   * answer for every wrong email or password. */
  function refusal(code: string | null): string {
    const match = /^SignIn(Throttled|Busy):(\d+)$/.exec(code ?? '')
    if (!match) return t('failed')
    const seconds = Number(match[2])
    if (match[1] === 'Busy') return t('busy')
    return seconds < 120 ? t('throttledSeconds', { seconds }) : t('throttledMinutes', { minutes: Math.ceil(seconds / 60) })
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(null)
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    })
    if (!result || result.error) {
      setPending(false)
      setError(refusal(result?.error ?? null))
      return
    }
    window.location.assign(safeNext(next))
  }

  return (
    // method="post": a submit before the scripts run must never put the password into the address.
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <LoginField name="email" label={t('email')} type="email" autoComplete="username" autoFocus />
      <LoginField name="password" label={t('password')} type="password" autoComplete="current-password" />
      {error && (
        <p role="alert" aria-live="assertive" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="login-error">
          {error}
        </p>
      )}
      {!hydrated && (
        <p
          role="status"
          className="animate-[login-not-ready_0s_4s_both] rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="login-not-ready"
        >
          {t('notReady')}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  )
}
