import { checkHealth } from '@/server/api/check-health'

// Public on purpose (load balancers): says only whether the database answers.
export async function GET() {
  const health = await checkHealth()
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503 })
}
