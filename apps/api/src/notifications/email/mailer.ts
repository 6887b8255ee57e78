// Sends mail over SMTP with nodemailer when SMTP_HOST is set; otherwise logs it (embedded mode).
import nodemailer from 'nodemailer'
import type { Logger } from '../../observability/logger.ts'

export type Mail = { to: string; subject: string; text: string; html: string }

export type Mailer = {
  readonly kind: 'smtp' | 'log'
  send(mail: Mail): Promise<void>
  close(): Promise<void>
}

export type SmtpOptions = {
  host: string
  port: number
  secure: boolean
  auth?: { user: string; pass: string }
}

export function createSmtpMailer(smtp: SmtpOptions, from: string): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth,
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  })
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from, ...mail })
    },
    async close() {
      transport.close()
    },
  }
}

export function createLogMailer(logger: Logger): Mailer {
  return {
    kind: 'log',
    async send(mail) {
      logger.info({ to: mail.to, subject: mail.subject }, 'email (SMTP not configured): logged')
    },
    async close() {},
  }
}
