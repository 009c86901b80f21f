import "server-only";
import { JSON_HEADERS, channelPost, plainText, trimBase } from "./http";
import { ChannelSendError, type ChannelSender } from "./types";

// Gotify: an application sends with POST <server>/message, a JSON body
// {title, message, priority}, authenticated by its application token in the
// `X-Gotify-Key` header (the API's `appTokenHeader`; `?token=` works too but
// would put the token in URLs and logs).
// Read 2026-12-06: github.com/gotify/server docs/package.go (the REST API's
// security definitions) and its documentation's "Add Message Examples"
// (POST /message with message, priority, title).

export const sendGotify: ChannelSender = async (channel, message, options) => {
  if (!channel.secret) throw new ChannelSendError("the application token cannot be read");
  await channelPost(
    `${trimBase(channel.target)}/message`,
    {
      headers: { ...JSON_HEADERS, "X-Gotify-Key": channel.secret },
      body: JSON.stringify({ title: message.title, message: plainText(message), priority: 5 }),
    },
    options,
  );
};
