/** Next hands repeated query parameters over as arrays; forms here never repeat one, so the first value counts. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value
    if (v !== undefined) out[key] = v
  }
  return out
}
