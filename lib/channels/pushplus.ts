import "server-only";
import { JSON_HEADERS, answerJson, channelPost, plainText, trimBase } from "./http";
import { ChannelSendError, type ChannelSender } from "./types";

// PushPlus (推送加): POST https://www.pushplus.plus/send with
// Content-Type application/json and {token, title, content, template}; the
// answer is JSON whose `code` is 200 when the request was accepted.
// Read 2026-12-06: http://api.pushplus.plus/api-107787114 (发送消息接口, POST)
// and https://pushplus.apifox.cn/project-3237526/api-107787114.

const PUSHPLUS_API = "https://www.pushplus.plus";

export const sendPushplus: ChannelSender = async (channel, message, options) => {
  const base = trimBase(options.bases?.pushplus ?? PUSHPLUS_API);
  const answer = await channelPost(
    `${base}/send`,
    {
      headers: JSON_HEADERS,
      body: JSON.stringify({
        token: channel.target,
        title: message.title,
        content: plainText(message),
        template: "txt",
      }),
    },
    options,
  );
  const code = answerJson(answer)?.code;
  if (code !== 200) throw new ChannelSendError(`PushPlus answered code ${String(code ?? "none")}`);
};
