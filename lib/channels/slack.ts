import "server-only";
import { JSON_HEADERS, channelPost, plainText } from "./http";
import type { ChannelSender } from "./types";

// Slack incoming webhooks: POST the unique webhook URL
// (https://hooks.slack.com/services/T…/B…/…) with Content-type
// application/json and a JSON payload whose `text` is the message. The URL
// is the credential, so it is sealed (decision 026).
// Read 2026-12-06: https://docs.slack.dev/tools/java-slack-sdk/guides/incoming-webhooks
// (Slack's own guide: the curl example and the JSON payload).

export const sendSlack: ChannelSender = async (channel, message, options) => {
  await channelPost(
    channel.target,
    {
      headers: JSON_HEADERS,
      body: JSON.stringify({ text: `*${message.title}*\n${plainText(message)}` }),
    },
    options,
  );
};
