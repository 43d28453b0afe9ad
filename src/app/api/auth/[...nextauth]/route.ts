import { authRouteHandler } from '@/server/auth/route'

const handler = authRouteHandler()
export { handler as GET, handler as POST }
