import 'server-only'
import { randomUUID } from 'node:crypto'
import { creditLineAmounts, documentTotals, lineAmounts, sumAmounts } from '@/domain/tax'
import { fulfillmentStatus, orderStatuses } from '@/domain/order-status'
import { formatDocumentNumber } from '@/domain/numbering'
import { addDays, businessDay, demoOpeningHours, zonedWallTimeToUtc, DEMO_TIME_ZONE } from '@/domain/opening-hours'
import type { HomeRole, Task } from '@/domain/permissions'
import type { Prisma } from '@/generated/prisma/client'
import { db, type Tx } from '../db'
import { hashPassword } from '../auth/password'
import { buildOrder, type OrderLineRow, type OrderRow, type OrderSpec } from '../orders/order-rows'
import { seedCashDrawers } from './cash'
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins'
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './names'
import { customerRowData, staffRowData, taxCategoryRow, VN_TAX_CATEGORIES } from './factories'

// The demo business: a Vietnamese print-and-copy shop. Deterministic for a given day (a seeded PRNG, times relative
// to "today" so the demo always looks current) and idempotent (it does nothing when the shop already exists). All of it
// is written in one transaction, in a few multi-row INSERTs (see Plan below).

function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  }
}

type StaffSeed = { email: string; name: string; homeRole: HomeRole; skills: Partial<Record<Task, number>> }

// The skills matrix tells a story: Hùng is the only one who can invoice (a single point of failure, Ngọc is in
// training), Hùng covers the counter at lunch, Bảo is learning to take orders, only Mai manages the team.
export const DEMO_STAFF: StaffSeed[] = [
  { ...DEMO_LOGINS[0], skills: { MANAGE_TEAM: 3, MANAGE_CATALOG: 3, TAKE_ORDER: 2, CUSTOMER_SERVICE: 2, INVOICE: 0, FULFILL: 1 } },
  { ...DEMO_LOGINS[1], skills: { TAKE_ORDER: 3, HANDLE_PICKUP: 3, CUSTOMER_SERVICE: 3, RECORD_PAYMENT: 2, INVOICE: 1, MANAGE_CATALOG: 2 } },
  { ...DEMO_LOGINS[2], skills: { FULFILL: 3, INVOICE: 3, RECORD_PAYMENT: 3, TAKE_ORDER: 2, HANDLE_PICKUP: 2 } },
  {
    email: 'minhanh@example.com',
    name: 'Phạm Minh Anh',
    homeRole: 'RECEPTIONIST',
    skills: { TAKE_ORDER: 3, HANDLE_PICKUP: 3, CUSTOMER_SERVICE: 2, FULFILL: 1 },
  },
  {
    email: 'lan@example.com',
    name: 'Võ Thị Lan',
    homeRole: 'RECEPTIONIST',
    skills: { TAKE_ORDER: 2, HANDLE_PICKUP: 2, CUSTOMER_SERVICE: 3 },
  },
  {
    email: 'bao@example.com',
    name: 'Đặng Quốc Bảo',
    homeRole: 'BACK_OFFICE',
    skills: { FULFILL: 3, INVOICE: 0, RECORD_PAYMENT: 0, TAKE_ORDER: 1 },
  },
  {
    email: 'ngoc@example.com',
    name: 'Huỳnh Thị Ngọc',
    homeRole: 'BACK_OFFICE',
    skills: { FULFILL: 3, INVOICE: 1, RECORD_PAYMENT: 2, HANDLE_PICKUP: 2 },
  },
  { email: 'tai@example.com', name: 'Bùi Văn Tài', homeRole: 'BACK_OFFICE', skills: { FULFILL: 2, INVOICE: 0, RECORD_PAYMENT: 0 } },
]

type Blocks = Array<[string, string]>
const EARLY: Blocks = [['07:30', '16:00']]
const LATE: Blocks = [['10:30', '19:00']]
const SAT_AM: Blocks = [['07:30', '13:00']]
const SAT_PM: Blocks = [['13:00', '19:00']]
const weekdays = (blocks: Blocks, days = ['1', '2', '3', '4', '5']) => Object.fromEntries(days.map((d) => [d, blocks]))

/**
 * The demo roster (ADR 011): an early shift and a late one, the Saturday split into a morning and an afternoon half day,
 * Lan part-time three afternoons, Tài on a split shift, Mai on office hours. Contracted hours are per week; Hùng, the
 * only invoicer, works the early shift — so invoicing has nobody after 16:00, which the overview and the suggestion show.
 */
export const DEMO_ROSTER: Record<string, { contractHours: number; weekly: Record<string, Blocks> }> = {
  'manager@example.com': { contractHours: 45, weekly: weekdays([['08:00', '17:00']]) },
  'reception@example.com': { contractHours: 48, weekly: { ...weekdays(EARLY), '6': SAT_AM } },
  'backoffice@example.com': { contractHours: 48, weekly: { ...weekdays(EARLY), '6': SAT_AM } },
  'minhanh@example.com': { contractHours: 48.5, weekly: { ...weekdays(LATE), '6': SAT_PM } },
  'lan@example.com': { contractHours: 20, weekly: weekdays([['13:00', '19:00']], ['1', '3', '5']) },
  'bao@example.com': { contractHours: 48, weekly: { ...weekdays(EARLY), '6': SAT_AM } },
  'ngoc@example.com': { contractHours: 48.5, weekly: { ...weekdays(LATE), '6': SAT_PM } },
  'tai@example.com': {
    contractHours: 44,
    weekly: weekdays(
      [
        ['07:30', '11:30'],
        ['14:30', '19:00'],
      ],
      ['2', '3', '4', '5', '6'],
    ),
  },
}

const PRODUCTS: Array<[sku: string, name: string, price: number, taxBp: number, unit: string]> = [
  ['IN-A4-BW', 'In A4 đen trắng', 500, 800, 'trang'],
  ['IN-A4-CL', 'In A4 màu', 2_500, 800, 'trang'],
  ['IN-A3-BW', 'In A3 đen trắng', 1_000, 800, 'trang'],
  ['IN-A3-CL', 'In A3 màu', 5_000, 800, 'trang'],
  ['PHO-A4', 'Photocopy A4', 300, 800, 'trang'],
  ['PHO-A3', 'Photocopy A3', 600, 800, 'trang'],
  ['SCAN-PDF', 'Scan tài liệu sang PDF', 1_000, 800, 'trang'],
  ['CARD-STD', 'Danh thiếp tiêu chuẩn (hộp 100)', 90_000, 800, 'hộp'],
  ['CARD-PRM', 'Danh thiếp cao cấp ép kim (hộp 100)', 250_000, 800, 'hộp'],
  ['FLY-A5', 'Tờ rơi A5 (100 tờ)', 180_000, 800, 'xấp'],
  ['FLY-A4', 'Tờ rơi A4 (100 tờ)', 320_000, 800, 'xấp'],
  ['BRO-TRI', 'Brochure gấp 3 (100 tờ)', 650_000, 800, 'xấp'],
  ['POS-A2', 'Poster A2', 45_000, 800, 'tấm'],
  ['POS-A1', 'Poster A1', 80_000, 800, 'tấm'],
  ['POS-A0', 'Poster A0', 150_000, 800, 'tấm'],
  ['BAN-HIF', 'Băng rôn hiflex (m²)', 60_000, 800, 'm²'],
  ['BAN-STD', 'Standee cuốn 80x180', 350_000, 800, 'bộ'],
  ['DEC-PVC', 'Decal PVC cắt bế (m²)', 120_000, 800, 'm²'],
  ['STK-RND', 'Sticker tròn 5 cm (100 cái)', 70_000, 800, 'xấp'],
  ['LAM-A4', 'Ép plastic A4', 5_000, 800, 'tờ'],
  ['LAM-A3', 'Ép plastic A3', 8_000, 800, 'tờ'],
  ['BIND-SPR', 'Đóng gáy lò xo', 15_000, 800, 'cuốn'],
  ['BIND-GLU', 'Đóng gáy keo nhiệt', 25_000, 800, 'cuốn'],
  ['BIND-HC', 'Đóng bìa cứng mạ vàng (luận văn)', 120_000, 800, 'cuốn'],
  ['CUT-TRIM', 'Cắt xén thành phẩm', 10_000, 800, 'lần'],
  ['FOLD-MCH', 'Gấp máy (100 tờ)', 20_000, 800, 'xấp'],
  ['ENV-DL', 'Phong bì DL in logo (100 cái)', 220_000, 800, 'xấp'],
  ['LET-HD', 'Giấy tiêu đề A4 (100 tờ)', 200_000, 800, 'xấp'],
  ['INV-BK', 'Hóa đơn bán lẻ 2 liên (quyển)', 35_000, 800, 'quyển'],
  ['CAL-DSK', 'Lịch để bàn', 55_000, 800, 'cuốn'],
  ['CAL-WAL', 'Lịch treo tường 7 tờ', 75_000, 800, 'cuốn'],
  ['MUG-PRT', 'In ly sứ', 65_000, 1000, 'cái'],
  ['TSH-PRT', 'In áo thun', 120_000, 1000, 'cái'],
  ['BAG-PRT', 'In túi vải canvas', 55_000, 1000, 'cái'],
  ['PHOTO-4x6', 'In ảnh 10x15', 3_000, 1000, 'tấm'],
  ['PHOTO-ID', 'Ảnh thẻ 3x4 (6 tấm)', 30_000, 1000, 'bộ'],
  ['PAP-A4', 'Giấy A4 Double A (ram)', 85_000, 1000, 'ram'],
  ['DESIGN-HR', 'Thiết kế theo giờ', 200_000, 1000, 'giờ'],
  ['DELIV-HCM', 'Giao hàng nội thành', 30_000, 1000, 'lần'],
  ['RUSH-FEE', 'Phụ phí làm gấp', 50_000, 1000, 'lần'],
]

const COMPANIES = [
  'Công ty TNHH Minh Phát',
  'Trường THCS Lê Lợi',
  'Quán cà phê Mộc',
  'Nhà hàng Bếp Nhà Sài Gòn',
  'Phòng khám Nha khoa Ánh Dương',
  'Công ty CP Du lịch Sen Vàng',
  'Văn phòng Luật sư Trường An',
  'Tiệm bánh Hạnh Phúc',
  'Câu lạc bộ Tiếng Anh Bến Nghé',
  'Cửa hàng Điện thoại Thành Công',
]
const HO_CHI_MINH_STREETS = [
  'Nguyễn Thị Minh Khai',
  'Lê Lợi',
  'Hai Bà Trưng',
  'Điện Biên Phủ',
  'Cách Mạng Tháng Tám',
  'Võ Văn Tần',
  'Pasteur',
  'Nam Kỳ Khởi Nghĩa',
]

export const DEMO_BUSINESS = {
  name: 'In Nhanh Sài Gòn',
  address: '123 Nguyễn Thị Minh Khai, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh',
  phone: '028 3823 4567',
  taxId: '0312345678',
  currency: 'VND',
  defaultTaxRateBp: 800,
  orderPrefix: 'DH',
  invoicePrefix: 'HD',
  creditNotePrefix: 'GG',
  // Customers pay by VietQR transfer into this (made-up) Vietcombank account.
  bankBin: '970436',
  bankAccount: '0071000888999',
  bankAccountName: 'CONG TY TNHH IN NHANH SAI GON',
  timeZone: DEMO_TIME_ZONE,
  defaultLeadDays: 1,
  defaultDueTime: '17:00',
  paymentTermsDays: 14,
}

export async function isSeeded(): Promise<boolean> {
  return (await db().businessSettings.count()) > 0
}

export interface SeedSummary {
  staff: number
  products: number
  customers: number
  orders: number
  invoices: number
}

type Person = { id: string; email: string; name: string; homeRole: HomeRole }
type Product = { id: string; sku: string; name: string; unitPrice: number; taxRateBp: number; taxCategoryId: string }
type Customer = { id: string; name: string }
type LineRow = OrderLineRow
type PaymentRow = Prisma.PaymentCreateManyInput & { id: string; amount: number }
type InvoiceRow = Prisma.InvoiceCreateManyInput & { id: string; number: string; total: number; issuedAt: Date }
type InvoiceLineRow = Prisma.InvoiceLineCreateManyInput & {
  id: string
  orderLineId: string
  position: number
  quantity: number
  qtyFrom: number
  unitPrice: number
  taxRateBp: number
}
type EventSeed = { at: Date; actorId: string; action: string; task: Task | null; crossRole: boolean; data?: object }

/**
 * Every row of the demo, planned in memory and then written table by table with one multi-row INSERT each
 * (createMany) inside one transaction: a first `npm run dev` spends well under a second here instead of thousands of
 * round trips (docs/performance.md, "Cold start"). The content is what the row-by-row version wrote, in the same order
 * (same PRNG draws, order numbers in creation order, audit rows in the order they happened to be written).
 */
class Plan {
  orders: OrderRow[] = []
  lines: LineRow[] = []
  fulfillments: Prisma.FulfillmentEventCreateManyInput[] = []
  payments: PaymentRow[] = []
  allocations: Prisma.PaymentAllocationCreateManyInput[] = []
  invoices: InvoiceRow[] = []
  invoiceLines: InvoiceLineRow[] = []
  creditNotes: Prisma.CreditNoteCreateManyInput[] = []
  creditNoteLines: Prisma.CreditNoteLineCreateManyInput[] = []
  audit: Prisma.AuditEventCreateManyInput[] = []

  /** An order through the shared factory (totals and statuses derived there), numbered in creation order. */
  addOrder(spec: Omit<OrderSpec, 'id' | 'number'>): { order: OrderRow; lines: LineRow[] } {
    const { order, lines } = buildOrder({ ...spec, number: this.orders.length + 1 })
    this.orders.push(order)
    this.lines.push(...lines)
    return { order, lines }
  }

  addPayment(payment: Omit<PaymentRow, 'id'>): PaymentRow {
    const row = { ...payment, id: randomUUID() }
    this.payments.push(row)
    return row
  }

  addEvents(orderId: string, events: readonly EventSeed[]): void {
    this.audit.push(
      ...events.map((e) => ({
        at: e.at,
        actorId: e.actorId,
        action: e.action,
        entityType: 'order',
        entityId: orderId,
        orderId,
        task: e.task,
        crossRole: e.crossRole,
        data: e.data,
      })),
    )
  }

  async write(tx: Tx): Promise<void> {
    await tx.order.createMany({ data: this.orders })
    // The rows above carry their numbers: the sequence continues after them for the orders taken from now on.
    await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('"Order"', 'number'), ${this.orders.length})`
    await tx.orderLine.createMany({ data: this.lines })
    await tx.fulfillmentEvent.createMany({ data: this.fulfillments })
    await tx.invoice.createMany({ data: this.invoices })
    await tx.invoiceLine.createMany({ data: this.invoiceLines })
    await tx.creditNote.createMany({ data: this.creditNotes })
    await tx.creditNoteLine.createMany({ data: this.creditNoteLines })
    await tx.payment.createMany({ data: this.payments })
    await tx.paymentAllocation.createMany({ data: this.allocations })
    await tx.auditEvent.createMany({ data: this.audit })
  }
}

export async function seedDemo(now = new Date()): Promise<SeedSummary | null> {
  const prisma = db()
  if (await isSeeded()) return null
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return prisma.$transaction((tx) => seedInto(tx, now, passwordHash), { maxWait: 10_000, timeout: 120_000 })
}

async function seedInto(tx: Tx, now: Date, passwordHash: string): Promise<SeedSummary> {
  const rand = prng(20261126)
  const tz = DEMO_TIME_ZONE
  const today = businessDay(now, tz)
  const at = (ymd: string, hhmm: string) => zonedWallTimeToUtc(ymd, hhmm, tz)

  await tx.businessSettings.create({ data: { id: 1, ...DEMO_BUSINESS, openingHours: demoOpeningHours() } })

  const managerRows = staffRowData({ ...DEMO_STAFF[0]!, passwordHash })
  const staffRows = [
    managerRows,
    ...DEMO_STAFF.slice(1).map((s) => staffRowData({ ...s, passwordHash, certifiedById: managerRows.user.id })),
  ]
  await tx.user.createMany({ data: staffRows.map((s) => s.user) })
  await tx.skill.createMany({ data: staffRows.flatMap((s) => s.skills) })
  const staff: Person[] = staffRows.map(({ user }) => ({ id: user.id, email: user.email, name: user.name, homeRole: user.homeRole }))
  const manager = staff[0]!
  const byEmail = new Map(staff.map((s) => [s.email, s]))
  const person = (email: string) => byEmail.get(email)!

  for (const [email, r] of Object.entries(DEMO_ROSTER)) {
    await tx.user.update({
      where: { id: person(email).id },
      data: { rostered: true, contractedMinutesPerWeek: r.contractHours * 60 },
      select: { id: true },
    })
  }
  await tx.shiftPattern.createMany({
    data: Object.entries(DEMO_ROSTER).flatMap(([email, r]) =>
      Object.entries(r.weekly).map(([weekday, blocks]) => ({ userId: person(email).id, weekday: Number(weekday), blocks })),
    ),
  })

  // Today: Lan on leave, Tài off sick, Hà and Hùng take lunch; Minh Anh is on leave in three days (the look-ahead).
  const absences = [
    {
      email: 'lan@example.com',
      kind: 'LEAVE' as const,
      startsAt: at(today, '00:00'),
      endsAt: at(addDays(today, 1), '00:00'),
      note: 'Nghỉ phép năm',
    },
    { email: 'tai@example.com', kind: 'SICK' as const, startsAt: at(today, '00:00'), endsAt: at(addDays(today, 2), '00:00'), note: 'Sốt' },
    { email: 'reception@example.com', kind: 'LUNCH' as const, startsAt: at(today, '11:30'), endsAt: at(today, '12:30'), note: null },
    { email: 'backoffice@example.com', kind: 'LUNCH' as const, startsAt: at(today, '12:30'), endsAt: at(today, '13:30'), note: null },
    {
      email: 'minhanh@example.com',
      kind: 'LEAVE' as const,
      startsAt: at(addDays(today, 3), '00:00'),
      endsAt: at(addDays(today, 5), '00:00'),
      note: 'Đám cưới người thân',
    },
  ]
  await tx.absence.createMany({
    data: absences.map((a) => ({
      userId: person(a.email).id,
      kind: a.kind,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      note: a.note,
      createdById: manager.id,
    })),
  })

  await seedCashDrawers(tx, { reception: person('reception@example.com').id, minhanh: person('minhanh@example.com').id }, now, today)

  const categories = new Map<string, string>()
  for (const c of VN_TAX_CATEGORIES) categories.set(c.code, (await taxCategoryRow(c, tx)).id)
  // Every demo product is at the standard rate (8 % today, 10 % from 2027-01-01).
  const standard = categories.get('standard')!
  await tx.product.createMany({
    data: PRODUCTS.map(([sku, name, unitPrice, , unit]) => ({ sku, name, unitPrice, taxCategoryId: standard, unit })),
  })
  const taxRate = new Map(PRODUCTS.map(([sku, , , taxRateBp]) => [sku, taxRateBp]))
  const products = (await tx.product.findMany({ orderBy: { sku: 'asc' } })).map((p) => ({ ...p, taxRateBp: taxRate.get(p.sku)! }))

  const customerRows: Array<Prisma.CustomerCreateManyInput & { id: string }> = []
  for (let i = 0; i < 200; i++) {
    const company = i % 20 === 0 ? COMPANIES[(i / 20) % COMPANIES.length] : undefined
    const name = company ?? `${rand.pick(FAMILY_NAMES)} ${rand.pick(MIDDLE_NAMES)} ${rand.pick(GIVEN_NAMES)}`
    const phone = `09${String(rand.int(0, 99_999_999)).padStart(8, '0')}`
    const email = rand.chance(0.4) || company ? `khach${i + 1}@example.vn` : null
    customerRows.push(customerRowData({ name, phone, email, notes: company ? 'Khách hàng doanh nghiệp — xuất hóa đơn VAT' : null }))
  }
  await tx.customer.createMany({ data: customerRows })
  const customers: Customer[] = customerRows.map((c) => ({ id: c.id, name: c.name }))

  const receptionists = staff.filter((s) => s.homeRole === 'RECEPTIONIST')
  const workshop = staff.filter((s) => s.homeRole === 'BACK_OFFICE')
  const hung = person('backoffice@example.com')
  const plan = new Plan()
  // Invoices are written after all orders, in order of issue, so their gapless numbers also follow the calendar.
  const pendingInvoices: PendingInvoice[] = []
  const recent: RecentContext = { rand, now, at, products, customers, receptionists, workshop, hung, person, pendingInvoices }

  // ~10 orders per opening day over the last 30 days; the older an order, the further along it is.
  for (let daysAgo = 30; daysAgo >= 0; daysAgo--) {
    const ymd = addDays(today, -daysAgo)
    const weekday = new Date(`${ymd}T12:00:00Z`).getUTCDay()
    if (weekday === 0) continue
    const count = daysAgo === 0 ? 8 : rand.int(6, 12)
    for (let k = 0; k < count; k++) {
      const drawn = planRecentOrder(plan, recent, { ymd, k, count, daysAgo })
      if (drawn) planRecentOrderEvents(plan, recent, drawn)
    }
  }
  const recentOrders = plan.orders.length
  const back = planBackOffice(plan, { now, today, pendingInvoices, customers, products, hung, receptionists, workshop })
  await plan.write(tx)
  // The gapless counters continue where the seeded invoices and credit notes stop.
  await tx.documentCounter.createMany({
    data: [
      ...[...back.invoiceSeqByYear].map(([year, last]) => ({ kind: 'INVOICE' as const, year, last })),
      ...[...back.creditSeqByYear].map(([year, last]) => ({ kind: 'CREDIT_NOTE' as const, year, last })),
    ],
  })
  return {
    staff: staff.length,
    products: products.length,
    customers: customers.length,
    orders: recentOrders + back.orders,
    invoices: back.invoices,
  }
}

/** The people, products and customers the recent orders are drawn from, with the seed's one PRNG. */
interface RecentContext {
  rand: ReturnType<typeof prng>
  now: Date
  at: (ymd: string, hhmm: string) => Date
  products: Product[]
  customers: Customer[]
  receptionists: Person[]
  workshop: Person[]
  hung: Person
  person: (email: string) => Person
  pendingInvoices: PendingInvoice[]
}

/** The k-th of `count` orders taken on `ymd` (null if that time is still to come): how far along, planned as a row. */
function planRecentOrder(
  plan: Plan,
  { rand, now, at, products, customers, receptionists, workshop, hung, person }: RecentContext,
  { ymd, k, count, daysAgo }: { ymd: string; k: number; count: number; daysAgo: number },
) {
  const minutes = 7 * 60 + 45 + Math.floor(((11 * 60) / count) * k) + rand.int(0, 20)
  const createdAt = at(ymd, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`)
  if (createdAt > now) return null
  // Bảo and Hùng sometimes take orders at the counter while the receptionists are at lunch: cross-role work.
  const covering = rand.chance(0.12)
  const takenBy = covering ? rand.pick([hung, hung, person('bao@example.com')]) : rand.pick(receptionists)
  const takenCovering = covering && takenBy.homeRole !== 'RECEPTIONIST'
  const customer = rand.pick(customers)
  const lineCount = rand.int(1, 4)
  const chosen = new Set<number>()
  while (chosen.size < lineCount) chosen.add(rand.int(0, products.length - 1))
  const lines = [...chosen].map((idx, position) => {
    const p = products[idx]!
    const quantity = p.unitPrice < 10_000 ? rand.int(10, 300) : rand.int(1, 5)
    return {
      position,
      productId: p.id,
      sku: p.sku,
      description: p.name,
      quantity,
      unitPrice: p.unitPrice,
      taxRateBp: p.taxRateBp,
      taxCategoryId: p.taxCategoryId,
    }
  })
  const totals = documentTotals(lines)
  const dueAt = at(addDays(ymd, rand.int(1, 3)), rand.pick(['10:00', '14:00', '17:00']))
  const mode = rand.chance(0.15) ? ('DELIVERY' as const) : ('PICKUP' as const)

  // How far along: older orders are mostly done and closed; today's mostly just received.
  const progress = daysAgo >= 5 ? rand.next() * 0.3 + 0.7 : daysAgo >= 1 ? rand.next() : rand.next() * 0.5
  const cancelled = rand.chance(0.03)
  const held = !cancelled && daysAgo <= 3 && rand.chance(0.05)
  const fulfilledShare = cancelled ? 0 : progress < 0.25 ? 0 : progress < 0.45 ? 0.5 : 1
  const fulfiller = rand.pick(workshop)
  const lineState = lines.map((l) => {
    const qtyFulfilled = fulfilledShare === 1 ? l.quantity : fulfilledShare === 0 ? 0 : Math.floor(l.quantity / 2)
    return { ...l, qtyFulfilled, qtyInvoiced: 0 }
  })
  const fulfillment = fulfillmentStatus(lineState)
  const readyAt = fulfillment === 'FULFILLED' ? new Date(Math.min(createdAt.getTime() + rand.int(2, 30) * 3600_000, now.getTime())) : null
  const handedOver = fulfillment === 'FULFILLED' && !held && progress > 0.7
  const invoiced = handedOver || (fulfillment === 'FULFILLED' && progress > 0.6)
  if (invoiced) for (const l of lineState) l.qtyInvoiced = l.qtyFulfilled
  const deposit = !cancelled && rand.chance(0.3) ? Math.round(totals.total / 2 / 1000) * 1000 : 0
  const fullyPaid = handedOver && progress > 0.75
  const paid = fullyPaid ? totals.total : Math.min(deposit, totals.total)
  const handoverAt = handedOver && readyAt ? new Date(Math.min(readyAt.getTime() + rand.int(1, 48) * 3600_000, now.getTime())) : null

  // The payments and invoices are planned below; the factory derives the statuses from the money they add up to.
  const { order, lines: orderLines } = plan.addOrder({
    customerId: customer.id,
    dueAt,
    mode,
    deliveryAddress: mode === 'DELIVERY' ? `${rand.int(1, 300)} ${rand.pick(HO_CHI_MINH_STREETS)}, TP. Hồ Chí Minh` : null,
    notes: rand.chance(0.2)
      ? rand.pick(['Khách cần gấp', 'Gọi điện trước khi giao', 'Giấy couche 150gsm', 'Kiểm tra lỗi chính tả trước khi in'])
      : null,
    handover: handoverAt
      ? { kind: mode === 'DELIVERY' ? 'DELIVERED' : 'COLLECTED', at: handoverAt, byId: rand.pick(receptionists).id }
      : null,
    held: held ? { at: createdAt, reason: 'Chờ khách duyệt bản in thử', byId: fulfiller.id } : null,
    cancelled: cancelled ? { at: new Date(createdAt.getTime() + 3600_000), reason: 'Khách đổi ý', byId: takenBy.id } : null,
    readyAt,
    closedIfDoneAt: handoverAt,
    takenById: takenBy.id,
    takenCovering,
    assigneeId: fulfillment === 'NOT_STARTED' && !cancelled ? null : fulfiller.id,
    idempotencyKey: `seed-${ymd}-${k}`,
    createdAt,
    lines: lineState,
    money: { invoicedNet: invoiced ? totals.total : 0, invoiced, paid, refunded: 0 },
  })
  return {
    order,
    orderLines,
    customer,
    createdAt,
    takenBy,
    takenCovering,
    totals,
    deposit,
    fulfillment,
    fulfiller,
    readyAt,
    held,
    cancelled,
    invoiced,
    fullyPaid,
    handoverAt,
  }
}

type RecentOrder = NonNullable<ReturnType<typeof planRecentOrder>>

/** The invoice of a recent order (numbered later, with the others) and the payment that settled it at handover. */
function planRecentInvoice(
  plan: Plan,
  { rand, receptionists, hung, pendingInvoices }: RecentContext,
  { order, orderLines, customer, totals, deposit, fullyPaid, handoverAt }: RecentOrder,
  readyAt: Date,
  events: EventSeed[],
): void {
  const issuedAt = handoverAt ?? readyAt
  // Its number is only known once every invoice's date is: the row is planned later (pendingInvoices), and the
  // order's timeline with it, so the timeline stays in order.
  const invoiceEvent = {
    at: issuedAt,
    actorId: hung.id,
    action: 'invoice.issued',
    task: 'INVOICE' as Task,
    crossRole: false,
    data: { number: '', total: totals.total },
  }
  events.push(invoiceEvent)
  const depositAmount = deposit > 0 ? Math.min(deposit, totals.total) : 0
  const rest = totals.total - depositAmount
  let payment: PendingInvoice['payment'] = null
  if (fullyPaid && handoverAt && rest > 0) {
    const receiver = rand.pick(receptionists)
    payment = { amount: rest, receivedById: receiver.id, method: rand.pick(['CASH', 'CARD', 'TRANSFER'] as const), at: handoverAt }
    events.push({
      at: handoverAt,
      actorId: receiver.id,
      action: 'payment.recorded',
      task: 'HANDLE_PICKUP',
      crossRole: false,
      data: { amount: rest },
    })
  }
  const orderEvents = events
  pendingInvoices.push({
    issuedAt,
    orderId: order.id,
    customer,
    totals,
    lines: orderLines,
    issuedById: hung.id,
    payment,
    onNumber: (number) => {
      invoiceEvent.data.number = number
      plan.addEvents(order.id, orderEvents)
    },
  })
}

/** A recent order's payments, fulfilment and timeline; an invoiced order's invoice waits for its number. */
function planRecentOrderEvents(plan: Plan, ctx: RecentContext, drawn: RecentOrder): void {
  const { rand, now, receptionists } = ctx
  const { order, orderLines, customer, createdAt, takenBy, takenCovering, totals, deposit, fulfillment, fulfiller, readyAt } = drawn
  const { held, cancelled, invoiced, handoverAt } = drawn
  const events: EventSeed[] = [
    {
      at: createdAt,
      actorId: takenBy.id,
      action: 'order.created',
      task: 'TAKE_ORDER',
      crossRole: takenCovering,
      data: { total: totals.total },
    },
  ]
  if (deposit > 0) {
    plan.addPayment({
      orderId: order.id,
      customerId: customer.id,
      kind: 'DEPOSIT',
      method: rand.pick(['CASH', 'TRANSFER'] as const),
      amount: Math.min(deposit, totals.total),
      receivedById: takenBy.id,
      crossRole: takenCovering,
      receivedAt: createdAt,
    })
    events.push({
      at: createdAt,
      actorId: takenBy.id,
      action: 'payment.deposit',
      task: 'TAKE_ORDER',
      crossRole: takenCovering,
      data: { amount: deposit },
    })
  }
  if (fulfillment !== 'NOT_STARTED') {
    const fAt = readyAt ?? new Date(Math.min(createdAt.getTime() + 2 * 3600_000, now.getTime()))
    for (const l of orderLines) {
      if (l.qtyFulfilled > 0)
        plan.fulfillments.push({ orderId: order.id, orderLineId: l.id, quantity: l.qtyFulfilled, byId: fulfiller.id, at: fAt })
    }
    events.push({
      at: fAt,
      actorId: fulfiller.id,
      action: 'order.fulfilled',
      task: 'FULFILL',
      crossRole: false,
      data: { status: fulfillment },
    })
  }
  if (held)
    events.push({
      at: createdAt,
      actorId: fulfiller.id,
      action: 'order.held',
      task: 'FULFILL',
      crossRole: false,
      data: { reason: 'Chờ khách duyệt bản in thử' },
    })
  if (cancelled)
    events.push({
      at: new Date(createdAt.getTime() + 3600_000),
      actorId: takenBy.id,
      action: 'order.cancelled',
      task: 'TAKE_ORDER',
      crossRole: takenCovering,
      data: { reason: 'Khách đổi ý' },
    })
  // An invoiced order plans its timeline once its invoice has a number.
  const deferEvents = invoiced && readyAt !== null
  if (deferEvents) planRecentInvoice(plan, ctx, drawn, readyAt, events)
  if (handoverAt) {
    events.push({
      at: handoverAt,
      actorId: rand.pick(receptionists).id,
      action: order.handover === 'DELIVERED' ? 'order.delivered' : 'order.collected',
      task: 'HANDLE_PICKUP',
      crossRole: false,
    })
  }
  if (!deferEvents) plan.addEvents(order.id, events)
}

// ---- Back office history: old unpaid invoices (receivables ageing), credit notes and refunds ---------------------

/** Invoices of corporate customers from past months, unpaid or partly paid: one per ageing bucket and then some. */
const AGED_INVOICES: Array<{ daysAgo: number; paidShare: number }> = [
  { daysAgo: 36, paidShare: 0 },
  { daysAgo: 48, paidShare: 0.5 },
  { daysAgo: 66, paidShare: 0 },
  { daysAgo: 83, paidShare: 0.3 },
  { daysAgo: 104, paidShare: 0 },
  { daysAgo: 131, paidShare: 0 },
]

/** An invoice to plan once every invoice's issue date is known (see planInvoices). */
interface PendingInvoice {
  issuedAt: Date
  orderId: string
  customer: Customer
  totals: { subtotal: number; taxTotal: number; total: number }
  lines: LineRow[]
  issuedById: string
  /** The payment that settled it (beyond any deposit, which is applied automatically). */
  payment: { amount: number; receivedById: string; method: 'CASH' | 'CARD' | 'TRANSFER'; at: Date; reference?: string } | null
  /** Called with the number once known (to complete and plan the order's timeline). */
  onNumber: (number: string) => void
}

/** Plans the invoices in order of issue, so their gapless per-year numbers follow the calendar. */
function planInvoices(plan: Plan, pending: PendingInvoice[]): Map<number, number> {
  const seller = { name: DEMO_BUSINESS.name, address: DEMO_BUSINESS.address, taxId: DEMO_BUSINESS.taxId, phone: DEMO_BUSINESS.phone }
  const seqByYear = new Map<number, number>()
  const deposits = new Map(plan.payments.filter((p) => p.kind === 'DEPOSIT').map((p) => [p.orderId, p]))
  for (const p of [...pending].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime())) {
    const year = Number(businessDay(p.issuedAt, DEMO_TIME_ZONE).slice(0, 4))
    const seq = (seqByYear.get(year) ?? 0) + 1
    seqByYear.set(year, seq)
    const invoice: InvoiceRow = {
      id: randomUUID(),
      year,
      seq,
      number: formatDocumentNumber(DEMO_BUSINESS.invoicePrefix, year, seq),
      orderId: p.orderId,
      customerId: p.customer.id,
      currency: 'VND',
      subtotal: p.totals.subtotal,
      taxTotal: p.totals.taxTotal,
      total: p.totals.total,
      issuedAt: p.issuedAt,
      dueAt: new Date(p.issuedAt.getTime() + DEMO_BUSINESS.paymentTermsDays * 86_400_000),
      issuedById: p.issuedById,
      seller,
      buyer: { name: p.customer.name },
    }
    plan.invoices.push(invoice)
    plan.invoiceLines.push(
      ...p.lines.map((l) => ({
        id: randomUUID(),
        invoiceId: invoice.id,
        orderLineId: l.id,
        position: l.position,
        description: l.description,
        quantity: l.quantity,
        qtyFrom: 0,
        unitPrice: l.unitPrice,
        taxRateBp: l.taxRateBp,
        ...lineAmounts(l),
      })),
    )
    const depositRow = deposits.get(p.orderId)
    if (depositRow)
      plan.allocations.push({ paymentId: depositRow.id, invoiceId: invoice.id, amount: depositRow.amount, createdAt: p.issuedAt })
    if (p.payment) {
      const pay = plan.addPayment({
        orderId: p.orderId,
        customerId: p.customer.id,
        invoiceId: invoice.id,
        kind: 'PAYMENT',
        method: p.payment.method,
        amount: p.payment.amount,
        reference: p.payment.reference ?? null,
        receivedById: p.payment.receivedById,
        receivedAt: p.payment.at,
      })
      plan.allocations.push({ paymentId: pay.id, invoiceId: invoice.id, amount: p.payment.amount, createdAt: p.payment.at })
    }
    p.onNumber(invoice.number)
  }
  return seqByYear
}

/** What the back-office history is planned from: the recent orders' pending invoices and the people and products. */
interface BackOfficeContext {
  now: Date
  today: string
  pendingInvoices: PendingInvoice[]
  customers: Customer[]
  products: Product[]
  hung: Person
  receptionists: Person[]
  workshop: Person[]
}

/** One old delivered order of a corporate customer, invoiced and unpaid or partly paid (the receivables' ageing). */
function planAgedOrder(
  plan: Plan,
  ctx: BackOfficeContext,
  rand: ReturnType<typeof prng>,
  { k, a, customer }: { k: number; a: (typeof AGED_INVOICES)[number]; customer: Customer },
): void {
  const issuedAt = zonedWallTimeToUtc(addDays(ctx.today, -a.daysAgo), '10:30', DEMO_TIME_ZONE)
  const createdAt = new Date(issuedAt.getTime() - 3 * 86_400_000)
  const chosen = [rand.pick(ctx.products.filter((p) => p.unitPrice >= 50_000)), rand.pick(ctx.products.filter((p) => p.unitPrice < 50_000))]
  const lines = chosen.map((p, position) => ({
    position,
    productId: p.id,
    sku: p.sku,
    description: p.name,
    quantity: p.unitPrice >= 50_000 ? rand.int(2, 10) : rand.int(20, 200),
    unitPrice: p.unitPrice,
    taxRateBp: p.taxRateBp,
    taxCategoryId: p.taxCategoryId,
  }))
  const totals = documentTotals(lines)
  const paid = Math.round((totals.total * a.paidShare) / 1000) * 1000
  const fulfiller = rand.pick(ctx.workshop)
  const taker = rand.pick(ctx.receptionists)
  const handedOverAt = new Date(issuedAt.getTime() - 3_600_000)
  const { order, lines: orderLines } = plan.addOrder({
    customerId: customer.id,
    dueAt: new Date(createdAt.getTime() + 2 * 86_400_000),
    handover: { kind: 'DELIVERED', at: handedOverAt, byId: taker.id },
    mode: 'DELIVERY',
    deliveryAddress: `${rand.int(1, 300)} ${rand.pick(HO_CHI_MINH_STREETS)}, TP. Hồ Chí Minh`,
    readyAt: new Date(handedOverAt.getTime() - 86_400_000),
    notes: 'Công nợ 30 ngày theo hợp đồng',
    takenById: taker.id,
    assigneeId: fulfiller.id,
    idempotencyKey: `seed-aged-${k}`,
    createdAt,
    lines: lines.map((l) => ({ ...l, qtyFulfilled: l.quantity, qtyInvoiced: l.quantity })),
    money: { invoicedNet: totals.total, invoiced: true, paid, refunded: 0 },
  })
  const fulfilledAt = new Date(handedOverAt.getTime() - 86_400_000)
  for (const l of orderLines)
    plan.fulfillments.push({ orderId: order.id, orderLineId: l.id, quantity: l.quantity, byId: fulfiller.id, at: fulfilledAt })
  const invoiceEvent = {
    at: issuedAt,
    actorId: ctx.hung.id,
    action: 'invoice.issued',
    task: 'INVOICE' as Task,
    crossRole: false,
    data: { number: '', total: totals.total },
  }
  const events: EventSeed[] = [
    { at: createdAt, actorId: taker.id, action: 'order.created', task: 'TAKE_ORDER', crossRole: false, data: { total: totals.total } },
    {
      at: fulfilledAt,
      actorId: fulfiller.id,
      action: 'order.fulfilled',
      task: 'FULFILL',
      crossRole: false,
      data: { status: 'FULFILLED' },
    },
    { at: handedOverAt, actorId: taker.id, action: 'order.delivered', task: 'HANDLE_PICKUP', crossRole: false },
    invoiceEvent,
  ]
  const receivedAt = new Date(issuedAt.getTime() + 7 * 86_400_000)
  if (paid > 0)
    events.push({
      at: receivedAt,
      actorId: ctx.hung.id,
      action: 'payment.recorded',
      task: 'RECORD_PAYMENT',
      crossRole: false,
      data: { amount: paid },
    })
  ctx.pendingInvoices.push({
    issuedAt,
    orderId: order.id,
    customer,
    totals,
    lines: orderLines,
    issuedById: ctx.hung.id,
    payment: paid > 0 ? { amount: paid, receivedById: ctx.hung.id, method: 'TRANSFER', at: receivedAt, reference: 'UNC' } : null,
    onNumber: (number) => {
      invoiceEvent.data.number = number
      plan.addEvents(order.id, events)
    },
  })
}

type CreditScenario = { order: OrderRow | undefined; kind: 'refunded' | 'owed' | 'reinvoice'; daysAgo: number; reason: string }

/** A credit note on a recent invoice, its refund if paid back, and the order's statuses after it. */
function planCreditNote(plan: Plan, ctx: BackOfficeContext, sc: CreditScenario, creditSeqByYear: Map<number, number>): void {
  const order = sc.order
  if (!order) return
  const invoice = plan.invoices.find((i) => i.orderId === order.id)
  if (!invoice) return
  const invoiceLines = plan.invoiceLines.filter((l) => l.invoiceId === invoice.id).sort((a, b) => a.position - b.position)
  // Planned a few days back, but never before its invoice (plus two hours) nor in the future.
  const latest = ctx.now.getTime() - 10 * 60_000
  const earliest = invoice.issuedAt.getTime() + 2 * 3_600_000
  if (earliest > latest) return
  const planned = zonedWallTimeToUtc(addDays(ctx.today, -sc.daysAgo), '15:00', DEMO_TIME_ZONE).getTime()
  const issuedAt = new Date(Math.min(Math.max(planned, earliest), latest))
  const credited = sc.kind === 'reinvoice' ? invoiceLines.map((l) => ({ l, quantity: l.quantity })) : [{ l: invoiceLines[0]!, quantity: 1 }]
  const creditLines = credited.map(({ l, quantity }) => ({
    l,
    quantity,
    ...creditLineAmounts({
      quantity,
      unitPrice: l.unitPrice,
      taxRateBp: l.taxRateBp,
      invoicedQuantity: l.quantity,
      invoicedFrom: l.qtyFrom,
      alreadyCredited: 0,
    }),
  }))
  const totals = sumAmounts(creditLines.map((c) => ({ taxRateBp: c.l.taxRateBp, net: c.net, tax: c.tax })))
  const year = Number(businessDay(issuedAt, DEMO_TIME_ZONE).slice(0, 4))
  const seq = (creditSeqByYear.get(year) ?? 0) + 1
  creditSeqByYear.set(year, seq)
  const note = {
    id: randomUUID(),
    year,
    seq,
    number: formatDocumentNumber(DEMO_BUSINESS.creditNotePrefix, year, seq),
    invoiceId: invoice.id,
    orderId: order.id,
    customerId: order.customerId,
    currency: 'VND',
    reason: sc.reason,
    reinvoice: sc.kind === 'reinvoice',
    subtotal: totals.subtotal,
    taxTotal: totals.taxTotal,
    total: totals.total,
    issuedAt,
    issuedById: ctx.hung.id,
  }
  plan.creditNotes.push(note)
  plan.creditNoteLines.push(
    ...creditLines.map((c) => ({
      creditNoteId: note.id,
      invoiceLineId: c.l.id,
      orderLineId: c.l.orderLineId,
      quantity: c.quantity,
      net: c.net,
      tax: c.tax,
      gross: c.gross,
    })),
  )
  const events: EventSeed[] = [
    {
      at: issuedAt,
      actorId: ctx.hung.id,
      action: 'credit_note.issued',
      task: 'INVOICE',
      crossRole: false,
      data: { number: note.number, invoice: invoice.number, total: note.total, reason: sc.reason },
    },
  ]
  let held = plan.payments.filter((p) => p.orderId === order.id).reduce((s, p) => s + p.amount, 0)
  if (sc.kind === 'refunded') {
    const refundAt = new Date(issuedAt.getTime() + 30 * 60_000)
    const refund = plan.addPayment({
      orderId: order.id,
      customerId: order.customerId,
      invoiceId: invoice.id,
      creditNoteId: note.id,
      kind: 'REFUND',
      method: 'CASH',
      amount: -note.total,
      receivedById: ctx.hung.id,
      receivedAt: refundAt,
    })
    plan.allocations.push({ paymentId: refund.id, invoiceId: invoice.id, amount: -note.total, createdAt: refundAt })
    held -= note.total
    events.push({
      at: refundAt,
      actorId: ctx.hung.id,
      action: 'payment.refunded',
      task: 'RECORD_PAYMENT',
      crossRole: false,
      data: { amount: note.total, number: note.number },
    })
  }
  const lines = plan.lines.filter((l) => l.orderId === order.id)
  if (sc.kind === 'reinvoice') {
    for (const c of creditLines) lines.find((l) => l.id === c.l.orderLineId)!.qtyInvoiced -= c.quantity
  }
  // Statuses by the rule refreshOrderState applies after a credit note.
  const { billing, payment, closed } = orderStatuses({
    lines,
    invoicedNet: invoice.total - note.total,
    paid: held + (sc.kind === 'refunded' ? note.total : 0),
    refunded: sc.kind === 'refunded' ? note.total : 0,
    invoiced: true,
    handover: order.handover,
    cancelled: order.cancelledAt != null,
  })
  Object.assign(order, { billing, payment, closedAt: closed ? (order.closedAt ?? issuedAt) : null, version: (order.version ?? 1) + 1 })
  plan.addEvents(order.id, events)
}

function planBackOffice(
  plan: Plan,
  ctx: BackOfficeContext,
): { orders: number; invoices: number; invoiceSeqByYear: Map<number, number>; creditSeqByYear: Map<number, number> } {
  // Its own PRNG, so the recent orders above stay exactly what they were.
  const rand = prng(20261201)
  const companies = ctx.customers.filter((_, i) => i % 20 === 0)
  let orders = 0
  for (const [k, a] of AGED_INVOICES.entries()) {
    planAgedOrder(plan, ctx, rand, { k, a, customer: companies[k % companies.length]! })
    orders++
  }
  const invoiceSeqByYear = planInvoices(plan, ctx.pendingInvoices)

  // Credit notes on recent invoices: a goodwill credit refunded in cash, one whose refund is still owed, and a billing
  // mistake credited in full for re-invoicing (its order shows up again under "To invoice").
  const creditSeqByYear = new Map<number, number>()
  const recent = plan.orders.filter((o) => o.cancelledAt == null && o.idempotencyKey.startsWith('seed-2'))
  const paidOrders = recent.filter((o) => o.payment === 'PAID')
  const unpaidInvoiced = recent.filter((o) => o.billing === 'BILLED' && o.payment === 'UNPAID' && o.handover === 'WAITING')
  const scenarios: CreditScenario[] = [
    {
      order: paidOrders[Math.floor(paidOrders.length * 0.2)],
      kind: 'refunded',
      daysAgo: 6,
      reason: 'Một phần bản in bị lem mực — giảm giá cho khách',
    },
    { order: paidOrders[Math.floor(paidOrders.length * 0.6)], kind: 'owed', daysAgo: 2, reason: 'Khách trả lại 1 sản phẩm lỗi' },
    {
      order: unpaidInvoiced[Math.floor(unpaidInvoiced.length / 2)],
      kind: 'reinvoice',
      daysAgo: 1,
      reason: 'Xuất nhầm đơn giá — xuất lại hóa đơn đúng',
    },
  ]
  for (const sc of scenarios) {
    planCreditNote(plan, ctx, sc, creditSeqByYear)
  }
  return { orders, invoices: ctx.pendingInvoices.length, invoiceSeqByYear, creditSeqByYear }
}
