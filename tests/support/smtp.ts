import type { AddressInfo } from "node:net";
import PostalMime, { type Email } from "postal-mime";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for the tests (the smtp-server package, which
 * nodemailer's authors keep): it accepts every message on a free port and
 * keeps it parsed, so a test reads what a mailbox would. `ignore` drops the
 * mail a test is not about (e.g. isSecurityNotice, for tests that count reminders).
 */
export async function startSmtpServer(options: { ignore?: (email: Email) => boolean } = {}) {
  const received: { to: string[]; email: Email; raw: string }[] = [];
  const waiting: (() => void)[] = [];
  // Stalling: a message is read but never answered, as a server that hangs
  // mid-send (the sender is then killed); it is not counted as received. An
  // ignored message is answered even then: it is not what the test stalls.
  let stalling = false;
  let stalled = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        void PostalMime.parse(raw).then((email) => {
          if (options.ignore?.(email)) return callback();
          if (stalling) {
            stalled += 1;
            return;
          }
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            email,
            raw: raw.toString("utf8"),
          });
          waiting.splice(0).forEach((wake) => wake());
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The first message to this address, once it has arrived (or throws after `ms`). */
    async next(to: string, ms = 15_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = received.find((m) => m.to.includes(to));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${ms} ms`);
        await new Promise<void>((wake) => {
          waiting.push(wake);
          setTimeout(wake, 250);
        });
      }
    },
    /** Every message to this address so far. */
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    stall(on: boolean) {
      stalling = on;
    },
    stalledCount: () => stalled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A security notice (lib/notifications/security-notices.ts), by the header it carries. */
export function isSecurityNotice(email: Email): boolean {
  return email.headers.some((h) => h.key === "x-cancelcase-notice");
}
