import { z } from 'zod'

// Validated once; a missing or malformed variable stops the start-up with one readable line (instrumentation.ts).
// Several instances, PgBouncer, sizing: docs/deployment.md.
const databaseSchema = z.object({
  /** The pool's connections (through PgBouncer when there is one). */
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set (use `npm run dev` for the embedded database, or set it to a postgresql:// URL)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  /** Straight to PostgreSQL, for what needs a session of its own: the live LISTEN connection and migrations. Empty
   * means DATABASE_URL (no bouncer in between). */
  DATABASE_DIRECT_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_DIRECT_URL must be a postgresql:// URL')
      .optional(),
  ),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** `unnamed` when the pool goes through a transaction-mode PgBouncer that cannot keep prepared statements (before
   * 1.21, or max_prepared_statements = 0): a named statement prepared on one server connection is missing on the next. */
  DB_PREPARED_STATEMENTS: z.enum(['named', 'unnamed'], { error: 'DB_PREPARED_STATEMENTS must be named or unnamed' }).default('named'),
})

const emptyIsUnset = (value: unknown) => (value === '' ? undefined : value)

/** How long the API keeps Idempotency-Key records, in hours (1 to 90 days; empty means the default, 24). */
export const idempotencyTtlSchema = z.preprocess(
  emptyIsUnset,
  z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
)

/** Sign-in and API throttling (docs/security.md, "Sign-in, lockout and throttling"). Empty means the default. */
const throttleSchema = z.object({
  /** How many reverse proxies in front of the app append to X-Forwarded-For (nginx `proxy_add_x_forwarded_for`):
   * the client's address is the entry the outermost of them added. 0 = the app is reached directly. */
  HANDOFF_TRUSTED_PROXIES: z.preprocess(emptyIsUnset, z.coerce.number().int().min(0).max(5).default(0)),
  /** Password checks (argon2) running at once in this process; beyond them a few wait and the rest are refused as
   * busy. Default: half the CPU cores, at least 1. */
  HANDOFF_LOGIN_HASH_CONCURRENCY: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(64).optional()),
  /** API requests per token: a burst of API_RATE_BURST, refilled at API_RATE_PER_SECOND, shared by all instances. */
  API_RATE_BURST: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(10_000_000).default(120)),
  API_RATE_PER_SECOND: z.preprocess(emptyIsUnset, z.coerce.number().positive().max(10_000_000).default(20)),
})

/** Switches: '1' turns one on, anything else (or nothing) leaves it off. */
const switchSchema = z.object({
  /** The demo logins on the sign-in page (`npm run dev` and the e2e server set it: they run on the demo data). */
  HANDOFF_DEMO: z
    .string()
    .optional()
    .transform((value) => value === '1'),
  /** The benchmark-only routes answer (bench/intake.ts); they are also only built with it (next.config.ts). */
  HANDOFF_BENCH: z
    .string()
    .optional()
    .transform((value) => value === '1'),
})

/** The outbox worker (docs/decisions/019-durable-outbox.md, docs/deployment.md). Empty means the default. */
const outboxSchema = z.object({
  /** `in-app`: every app process also runs the worker (dev, a single server); `off`: this process only enqueues and
   * a separate `npm run worker` delivers. */
  HANDOFF_OUTBOX_WORKER: z.preprocess(
    emptyIsUnset,
    z.enum(['in-app', 'off'], { error: 'HANDOFF_OUTBOX_WORKER must be in-app or off' }).default('in-app'),
  ),
  /** Entries one worker carries out at once. */
  HANDOFF_OUTBOX_CONCURRENCY: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(200).default(10)),
  /** How often an idle worker looks for work, in seconds (pg-boss polls; at least 0.5). */
  HANDOFF_OUTBOX_POLL_SECONDS: z.preprocess(emptyIsUnset, z.coerce.number().min(0.5).max(60).default(2)),
  /** Tries before an entry is dead, and the first retry's delay in seconds (doubling after each try). */
  HANDOFF_OUTBOX_MAX_ATTEMPTS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(20).default(6)),
  HANDOFF_OUTBOX_RETRY_DELAY_SECONDS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(3600).default(30)),
  /** How long a try may take before another worker may take the entry over (a worker killed mid-send). */
  HANDOFF_OUTBOX_LEASE_SECONDS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(2).max(3600).default(120)),
})

/** Where Zalo's ZNS API is (https://business.openapi.zalo.me): changed only to point at a test double. */
const zaloSchema = z.object({
  HANDOFF_ZALO_API_URL: z.preprocess(emptyIsUnset, z.url('HANDOFF_ZALO_API_URL must be a URL').default('https://business.openapi.zalo.me')),
})

/** Bank-transfer notifications (docs/decisions/016): the API key set on the SePay webhook, sent by SePay as
 * "Authorization: Apikey <key>". Unset: the webhook refuses every request (401). */
const webhookSchema = z.object({
  HANDOFF_SEPAY_WEBHOOK_KEY: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .min(24, 'HANDOFF_SEPAY_WEBHOOK_KEY must be at least 24 characters (`openssl rand -hex 24`)')
      .max(200)
      .regex(/^\S+$/, 'HANDOFF_SEPAY_WEBHOOK_KEY must not contain spaces')
      .optional(),
  ),
})

/** E-invoices through a provider (docs/decisions/023, docs/security.md "Secrets at rest"). Empty means the default. */
const einvoiceSchema = z.object({
  /** 32 random bytes, base64 (`openssl rand -base64 32`): the AES-256-GCM key of the provider credentials stored in the
   * database. Without it, credentials cannot be saved nor e-invoices issued. */
  HANDOFF_SECRETS_KEY: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
        message: 'HANDOFF_SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
      })
      .optional(),
  ),
  /** Viettel SInvoice's address (its test environment, or a local stand-in in tests). */
  HANDOFF_VIETTEL_API_URL: z.preprocess(emptyIsUnset, z.url().default('https://api-vinvoice.viettel.vn')),
  /** How long one request to the provider may take; Viettel recommends 60 to 90 s. */
  HANDOFF_EINVOICE_TIMEOUT_MS: z.preprocess(emptyIsUnset, z.coerce.number().int().min(100).max(120_000).default(60_000)),
})

/** Where the app is reached, when configured (tracking links, same-origin checks). */
const publicUrlSchema = z.object({ NEXTAUTH_URL: z.url('NEXTAUTH_URL must be a URL').optional() })

const appSchema = databaseSchema
  .extend({
    ...throttleSchema.shape,
    ...switchSchema.shape,
    ...webhookSchema.shape,
    HANDOFF_IDEMPOTENCY_TTL_HOURS: idempotencyTtlSchema,
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    NEXTAUTH_SECRET: z
      .string({ error: 'NEXTAUTH_SECRET is not set (32+ random characters; `openssl rand -base64 32`)' })
      .min(32, 'NEXTAUTH_SECRET must be at least 32 characters'),
    ...publicUrlSchema.shape,
    ...outboxSchema.shape,
    ...zaloSchema.shape,
    ...einvoiceSchema.shape,
  })
  .refine((env) => env.DB_PREPARED_STATEMENTS === 'named' || env.DATABASE_DIRECT_URL !== undefined, {
    // A LISTEN through a transaction-mode bouncer stays on whichever server connection ran it: live screens go silent.
    path: ['DATABASE_DIRECT_URL'],
    message:
      'DATABASE_DIRECT_URL is not set: behind a transaction-mode bouncer (DB_PREPARED_STATEMENTS=unnamed) the live updates need a direct connection to PostgreSQL',
  })

export type Env = z.infer<typeof appSchema>
export type ThrottleEnv = z.infer<typeof throttleSchema>
export type DatabaseEnv = z.infer<typeof databaseSchema>

function parse<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(`Invalid environment: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown problem'}`)
  }
  return parsed.data
}

/** Everything the web app needs (checked at start-up). */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return parse(appSchema, source)
}

/** What scripts and tests that only touch the database need. */
export function databaseEnv(source: Record<string, string | undefined> = process.env): DatabaseEnv {
  return parse(databaseSchema, source)
}

/** For a connection that must be a PostgreSQL session of its own (LISTEN): never through a transaction-mode bouncer. */
export function directDatabaseUrl(source: Record<string, string | undefined> = process.env): string {
  const { DATABASE_DIRECT_URL, DATABASE_URL } = databaseEnv(source)
  return DATABASE_DIRECT_URL ?? DATABASE_URL
}

/** The throttling settings (read where they are used; checked with the rest at start-up). */
export function throttleEnv(source: Record<string, string | undefined> = process.env): ThrottleEnv {
  return parse(throttleSchema, source)
}

type Source = Record<string, string | undefined>

/** The API rate limit per token: a burst of `burst` requests, refilled at `perSecond`. */
export function apiRateLimit(source: Source = process.env): { burst: number; perSecond: number } {
  const { API_RATE_BURST, API_RATE_PER_SECOND } = throttleEnv(source)
  return { burst: API_RATE_BURST, perSecond: API_RATE_PER_SECOND }
}

/** Whether the sign-in page lists the demo logins (the app runs on the demo data). */
export function demoLoginsShown(source: Source = process.env): boolean {
  return parse(switchSchema, source).HANDOFF_DEMO
}

/** Whether the benchmark-only routes answer (bench/intake.ts). */
export function benchRoutesEnabled(source: Source = process.env): boolean {
  return parse(switchSchema, source).HANDOFF_BENCH
}

export type OutboxEnv = z.infer<typeof outboxSchema>

/** The outbox worker's settings (checked with the rest at start-up; `npm run worker` checks them alone). */
export function outboxEnv(source: Source = process.env): OutboxEnv {
  return parse(outboxSchema, source)
}

export function zaloApiUrl(source: Source = process.env): string {
  return parse(zaloSchema, source).HANDOFF_ZALO_API_URL.replace(/\/+$/, '')
}

export type EinvoiceEnv = z.infer<typeof einvoiceSchema>

/** The e-invoice provider's address, timeout and the key of stored credentials. */
export function einvoiceEnv(source: Source = process.env): EinvoiceEnv {
  return parse(einvoiceSchema, source)
}

/** NEXTAUTH_SECRET when it is set and long enough, else undefined: the stored-secrets key falls back to it. */
export function sessionSecret(source: Source = process.env): string | undefined {
  return parse(z.object({ NEXTAUTH_SECRET: z.preprocess(emptyIsUnset, z.string().min(32).optional()) }), source).NEXTAUTH_SECRET
}

/** NEXTAUTH_URL, the address this deployment is reached at, when it is set. */
export function configuredUrl(source: Source = process.env): URL | undefined {
  const { NEXTAUTH_URL } = parse(publicUrlSchema, source)
  return NEXTAUTH_URL ? new URL(NEXTAUTH_URL) : undefined
}

/** The SePay webhook's API key, when this deployment receives bank-transfer notifications. */
export function sepayWebhookKey(source: Source = process.env): string | undefined {
  return parse(webhookSchema, source).HANDOFF_SEPAY_WEBHOOK_KEY
}
