'use client'

// Last resort when the root layout itself failed: no translations are available here, so both languages are shown.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '3rem', textAlign: 'center' }}>
        <h1>Đã có lỗi xảy ra · Something went wrong</h1>
        {error.digest && <p>Ref: {error.digest}</p>}
        <button type="button" onClick={reset}>
          Thử lại · Try again
        </button>
      </body>
    </html>
  )
}
