import "server-only";
import { channelPost, plainText } from "./http";
import type { ChannelSender } from "./types";

// ntfy: "Publishing messages can be done via HTTP PUT/POST": POST
// https://<server>/<topic> with the message as the plain-text body and the
// title in the `Title` header; a protected topic takes an access token as
// `Authorization: Bearer tk_…`.
// Read 2026-12-06: https://docs.ntfy.sh/publish/ (publishing, the `Title`
// header, access tokens) and ntfy's own client test that expects that
// Authorization header (github.com/binwiederhier/ntfy,
// TestCLI_Subscribe_Default_UserPass_Subscription_Token).
// The target is the topic's URL, e.g. https://ntfy.sh/cancelcase-a7f3.

export const sendNtfy: ChannelSender = async (channel, message, options) => {
  // A header travels as Latin-1, and how ntfy would read a Chinese title in
  // one is not something its page says: such a title opens the body instead.
  const asciiTitle = /^[\x20-\x7e]*$/.test(message.title);
  const text = plainText(message);
  await channelPost(
    channel.target,
    {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        ...(asciiTitle ? { Title: message.title } : {}),
        ...(channel.secret ? { Authorization: `Bearer ${channel.secret}` } : {}),
      },
      body: asciiTitle ? text : `${message.title}\n${text}`,
    },
    options,
  );
};
