import "server-only";
import { JSON_HEADERS, channelPost, trimBase } from "./http";
import { ChannelSendError, type ChannelSender } from "./types";

// Bark (iOS): "JSON request key can be placed in the request body, the URL
// path must be /push": POST <server>/push with Content-Type application/json
// and {title, body, device_key, url?}. The public server is https://api.day.app;
// bark-server can be self-hosted.
// Read 2026-12-06: Bark's docs/en-us/tutorial.md (github.com/Finb/Bark, via the
// mirror git.gt.sakitam.com/archive-gh-me/Bark), "Request Methods" and
// "Request Parameters".

export const sendBark: ChannelSender = async (channel, message, options) => {
  if (!channel.secret) throw new ChannelSendError("the device key cannot be read");
  await channelPost(
    `${trimBase(channel.target)}/push`,
    {
      headers: JSON_HEADERS,
      body: JSON.stringify({
        title: message.title,
        body: message.body,
        device_key: channel.secret,
        ...(message.url ? { url: message.url } : {}),
      }),
    },
    options,
  );
};
