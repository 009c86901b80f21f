import "server-only";
import { telegramApiUrl } from "@/lib/config";
import { JSON_HEADERS, answerJson, channelPost, plainText, trimBase } from "./http";
import { ChannelSendError, type ChannelSender } from "./types";

// Telegram Bot API: every method is https://api.telegram.org/bot<token>/METHOD_NAME;
// sendMessage takes chat_id (Integer or String, "@channelusername" for a
// channel) and text (1-4096 characters), as JSON. The answer is a JSON
// object whose `ok` is true on success.
// Read 2026-12-06: https://core.telegram.org/bots/api#sendmessage (through
// the archived copy at git.moe.team/OpenSource/telegram-crawler,
// data/web/core.telegram.org/bots/api.html) and "Making requests". The Bot
// API server is open source and can be run by the operator in Telegram's
// place (read 2026-12-06: https://github.com/tdlib/telegram-bot-api, README):
// TELEGRAM_API_URL points there; it still goes through the outbound guard.

const TEXT_MAX = 4096;

export const sendTelegram: ChannelSender = async (channel, message, options) => {
  if (!channel.secret) throw new ChannelSendError("the bot token cannot be read");
  const base = trimBase(options.bases?.telegram ?? telegramApiUrl());
  const text = Array.from(`${message.title}\n\n${plainText(message)}`)
    .slice(0, TEXT_MAX)
    .join("");
  const answer = await channelPost(
    `${base}/bot${channel.secret}/sendMessage`,
    { headers: JSON_HEADERS, body: JSON.stringify({ chat_id: channel.target, text }) },
    options,
  );
  if (answerJson(answer)?.ok !== true) throw new ChannelSendError("Telegram did not confirm");
};
