// Who may do what. Permissions follow skills, not only job titles (docs/decisions/004-skills-and-permissions.md):
// - a person's home role gives them its tasks at EXPERT_LEVEL unless the skills matrix says otherwise, so a print
//   operator whose home role is BACK_OFFICE but who never invoices can be recorded at INVOICE 0;
// - a person may do a task when their (effective) level for it is at least COVER_LEVEL; managers may do everything;
// - level 1 ("in training") grants nothing on its own: trainees practise beside a level-3 colleague, who does the
//   recorded action.
// Cover (who could stand in) counts skills only: a manager's blanket permission is not evidence of skill.

export const TASKS = [
  'TAKE_ORDER',
  'HANDLE_PICKUP',
  'CUSTOMER_SERVICE',
  'FULFILL',
  'INVOICE',
  'RECORD_PAYMENT',
  'MANAGE_TEAM',
  'MANAGE_CATALOG',
] as const
export type Task = (typeof TASKS)[number]

/**
 * Who may call a use case, declared once beside it and read by its server action, its API route and the
 * authorization matrix: one task, any one of several (the first one the caller's home role owns is the one recorded,
 * else the first they may do; taking a payment is HANDLE_PICKUP at the counter, RECORD_PAYMENT in the back office),
 * or any signed-in staff member for self-service (their own language, their own lunch break).
 */
export type Caller = 'signed-in' | Task | readonly [Task, ...Task[]]

export const HOME_ROLES = ['RECEPTIONIST', 'BACK_OFFICE', 'MANAGER'] as const
export type HomeRole = (typeof HOME_ROLES)[number]

export const SKILL_LEVELS = [0, 1, 2, 3] as const
export type SkillLevel = (typeof SKILL_LEVELS)[number]
/** The level from which a person may do a task outside their home role. */
export const COVER_LEVEL = 2
export const EXPERT_LEVEL = 3

export const HOME_ROLE_TASKS: Readonly<Record<HomeRole, readonly Task[]>> = {
  RECEPTIONIST: ['TAKE_ORDER', 'HANDLE_PICKUP', 'CUSTOMER_SERVICE'],
  BACK_OFFICE: ['FULFILL', 'INVOICE', 'RECORD_PAYMENT'],
  MANAGER: ['MANAGE_TEAM', 'MANAGE_CATALOG'],
}

// Task groups shared by several reads (each read names its group, never a copy of it).
/** Reading orders and customers at the desk: the counter's own tasks. */
export const DESK_TASKS = ['CUSTOMER_SERVICE', 'HANDLE_PICKUP', 'TAKE_ORDER'] as const satisfies readonly Task[]
/** Looking customers up (search, duplicates, the API's list): the desk. */
export const CUSTOMER_READERS = DESK_TASKS
/** The back office's queue and who works on it. */
export const QUEUE_READERS = ['FULFILL', 'INVOICE', 'RECORD_PAYMENT'] as const satisfies readonly Task[]
/** Invoices, payments and receivables: lists and the bookkeeper's export. */
export const BILLING_READERS = ['INVOICE', 'RECORD_PAYMENT'] as const satisfies readonly Task[]
/** The cash drawer: opening, cash in/out, counting and closing it, its Z reports (screen and API). Whoever takes money:
 * at the counter or in the back office (docs/decisions/017-cash-drawer.md). */
export const CASH_HANDLERS = ['HANDLE_PICKUP', 'RECORD_PAYMENT'] as const satisfies readonly Task[]
/** One order (and its invoices, credit notes, fulfilment history), and the live stream of order changes: whoever
 * works at the desk or in the back office. */
export const ORDER_READERS = [
  'TAKE_ORDER',
  'HANDLE_PICKUP',
  'CUSTOMER_SERVICE',
  'FULFILL',
  'INVOICE',
  'RECORD_PAYMENT',
] as const satisfies readonly Task[]

export type Area = 'front' | 'back' | 'manager'
export const AREAS: readonly Area[] = ['front', 'back', 'manager']
export const AREA_TASKS: Readonly<Record<Area, readonly Task[]>> = {
  front: HOME_ROLE_TASKS.RECEPTIONIST,
  back: HOME_ROLE_TASKS.BACK_OFFICE,
  manager: HOME_ROLE_TASKS.MANAGER,
}
export const HOME_AREA: Readonly<Record<HomeRole, Area>> = {
  RECEPTIONIST: 'front',
  BACK_OFFICE: 'back',
  MANAGER: 'manager',
}

export type Skills = Partial<Record<Task, number>>
/** The minimum a permission decision needs to know about a person. */
export interface Capable {
  homeRole: HomeRole
  skills: Skills
}

export function ownsTask(role: HomeRole, task: Task): boolean {
  return HOME_ROLE_TASKS[role].includes(task)
}

/** The level that counts: the recorded one, else EXPERT_LEVEL for the home role's own tasks, else 0. */
export function levelOf(person: Capable, task: Task): number {
  return person.skills[task] ?? (ownsTask(person.homeRole, task) ? EXPERT_LEVEL : 0)
}

/** Qualified (can cover) for a task: effective level >= COVER_LEVEL. */
export function qualified(person: Capable, task: Task): boolean {
  return levelOf(person, task) >= COVER_LEVEL
}

/** May do a task: qualified for it, or a manager. */
export function can(person: Capable, task: Task): boolean {
  return person.homeRole === 'MANAGER' || qualified(person, task)
}

/** Work on a task that the person's home role does not own is cross-role work (managers included). */
export function isCrossRole(person: Capable, task: Task): boolean {
  return !ownsTask(person.homeRole, task)
}

export function canUseArea(person: Capable, area: Area): boolean {
  return AREA_TASKS[area].some((task) => can(person, task))
}

export function areasFor(person: Capable): Area[] {
  return AREAS.filter((area) => canUseArea(person, area))
}

/** Changing a line's catalog price at the counter: catalog managers and counter experts (level 3). */
export function canOverridePrice(person: Capable): boolean {
  return can(person, 'MANAGE_CATALOG') || levelOf(person, 'TAKE_ORDER') >= EXPERT_LEVEL
}

/** The tasks a caller declaration names ('signed-in' names none). */
export function callerTasks(caller: Caller): readonly Task[] {
  if (caller === 'signed-in') return []
  return typeof caller === 'string' ? [caller] : caller
}

/** Whether a signed-in person may call a use case declared with `caller`. */
export function mayCall(person: Capable, caller: Caller): boolean {
  return caller === 'signed-in' || callerTasks(caller).some((task) => can(person, task))
}
