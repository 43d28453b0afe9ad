/** Wait for a condition (polling, no fixed sleep): resolves with its first truthy value, fails after `timeoutMs`. */
export async function until<T>(
  condition: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  what = 'the condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await condition()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
