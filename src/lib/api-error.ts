// The API's error contract, `{ error: { code, message, fields?, ref?, ... } }`, written in one place: by the route
// wrapper (src/server/api/handler.ts) and by the proxy, which refuses a few requests before any route runs.

export interface ApiErrorExtra {
  fields?: Record<string, string[]>
  ref?: string
  details?: Record<string, unknown>
}

export function apiErrorBody(code: string, message: string, extra: ApiErrorExtra = {}) {
  return {
    error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}), ...(extra.ref ? { ref: extra.ref } : {}), ...extra.details },
  }
}
