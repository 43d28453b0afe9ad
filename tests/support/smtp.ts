// A real SMTP server for the tests (the `smtp-server` package): what nodemailer sends arrives here over TCP, and the
// tests read the mails it accepted. No mock transport.
import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server'

export interface ReceivedMail {
  to: string[]
  messageId: string
  subject: string
  text: string
  raw: string
}

/** Quoted-printable and RFC 2047 encoded words, as nodemailer writes Vietnamese text. */
function decodeQp(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}
function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
  )
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? ''
  const qp = /quoted-printable/i.test(header('Content-Transfer-Encoding'))
  const base64 = /base64/i.test(header('Content-Transfer-Encoding'))
  const text = qp ? decodeQp(body) : base64 ? Buffer.from(body, 'base64').toString('utf8') : body
  return { to, messageId: header('Message-ID'), subject: decodeWords(header('Subject')), text, raw }
}

export interface TestSmtp {
  port: number
  mails: ReceivedMail[]
  /** Called when a mail's data starts arriving; resolve to let it be accepted. */
  beforeAccept?: () => Promise<void>
  stop: () => Promise<void>
  start: () => Promise<void>
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = { port, mails: [], stop: async () => undefined, start: async () => undefined }
  let server: SMTPServer | undefined
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onData(stream: SMTPServerDataStream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const hold = state.beforeAccept?.() ?? Promise.resolve()
          void hold.then(() => {
            state.mails.push(
              parseMail(
                Buffer.concat(chunks).toString('latin1'),
                session.envelope.rcptTo.map((r) => r.address),
              ),
            )
            callback()
          })
        })
      },
    })
  state.start = async () => {
    server = make()
    server.on('error', () => undefined)
    await new Promise<void>((resolve) => server!.listen(state.port, '127.0.0.1', resolve))
    state.port = (server.server.address() as AddressInfo).port
  }
  state.stop = async () => {
    const s = server
    server = undefined
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
  }
  await state.start()
  return state
}
