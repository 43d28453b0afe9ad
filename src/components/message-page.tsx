import Link from 'next/link'

export function MessagePage({ code, title, body, home }: { code: string; title: string; body: string; home: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-slate-500">{code}</p>
        <h1 className="mt-1 text-2xl font-bold">{title}</h1>
        <p className="mt-2 text-slate-600">{body}</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {home}
        </Link>
      </div>
    </main>
  )
}
