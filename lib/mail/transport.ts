import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { mailFrom, smtpUrl } from "@/lib/config";

// Mail goes through the SMTP server of SMTP_URL with nodemailer (the
// maintained Node.js mailer; 7.x is the line next-auth 4 accepts as a peer).
// Without SMTP_URL there is no mail, and the app says so where it matters.

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

const cache = globalThis as unknown as { cancelCaseMail?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (cache.cancelCaseMail?.url !== url) {
    cache.cancelCaseMail = { url, transport: nodemailer.createTransport(url) };
  }
  return cache.cancelCaseMail.transport;
}

export function mailConfigured(): boolean {
  return smtpUrl() !== null;
}

/** Sends one message; throws when the server refuses it or cannot be reached. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const url = smtpUrl();
  if (!url) throw new Error("email is not set up (SMTP_URL)");
  await transport(url).sendMail({ from: mailFrom(), ...mail });
}
