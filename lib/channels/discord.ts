import "server-only";
import { JSON_HEADERS, channelPost, plainText } from "./http";
import type { ChannelSender } from "./types";

// Discord: "Execute Webhook" is POST /webhooks/{webhook.id}/{webhook.token}
// (the URL Discord shows, https://discord.com/api/webhooks/…) with a JSON body;
// `content` is the message, up to 2000 characters. No other
// authentication: the token in the URL is the credential, so the whole URL
// is sealed (decision 026). Success is 204 (200 with ?wait=true).
// Read 2026-12-06: discord-api-docs, docs/resources/webhook "Execute Webhook"
// (mirror hub.myxuebi.top/discord/discord-api-docs), and the
// discord.js type RESTPostAPIWebhookWithTokenResult that links it.

const CONTENT_MAX = 2000;

export const sendDiscord: ChannelSender = async (channel, message, options) => {
  const content = Array.from(`**${message.title}**\n${plainText(message)}`)
    .slice(0, CONTENT_MAX)
    .join("");
  await channelPost(
    channel.target,
    // No pings from a reminder, whatever its text holds.
    {
      headers: JSON_HEADERS,
      body: JSON.stringify({ content, allowed_mentions: { parse: [] } }),
    },
    options,
  );
};
