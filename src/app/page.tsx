import { redirect } from 'next/navigation'
import { HOME_AREA } from '@/domain/permissions'
import { currentActor } from '@/server/auth/actor'

// The start page is the home area of whoever is signed in.
export default async function Home() {
  const actor = await currentActor()
  redirect(actor ? `/${HOME_AREA[actor.homeRole]}` : '/login')
}
