import "server-only";
import { JSON_HEADERS, channelPost, plainText } from "./http";
import type { ChannelSender } from "./types";

// Apprise API: POST /notify/{KEY} sends to every service the operator saved
// under {KEY} on their Apprise API server (100+ kinds); the payload's
// `body` is the only required field, with optional `title`, `type`
// (info|success|warning|failure) and `format` (text|markdown|html).
// Read 2026-12-06: github.com/caronc/apprise-api README, the API table
// ("/notify/{KEY}" and its payload parameters).
// The target is that endpoint's full URL, e.g. https://apprise.lan:8000/notify/cancelcase.

export const sendApprise: ChannelSender = async (channel, message, options) => {
  await channelPost(
    channel.target,
    {
      headers: JSON_HEADERS,
      body: JSON.stringify({
        title: message.title,
        body: plainText(message),
        type: "info",
        format: "text",
      }),
    },
    options,
  );
};
