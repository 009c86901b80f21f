import "server-only";
import { answerJson, channelPost, plainText, trimBase } from "./http";
import { ChannelSendError, type ChannelSender } from "./types";

// ServerChan (Server酱): one call with the SendKey in the path — Turbo keys
// go to https://sctapi.ftqq.com/<SendKey>.send, Server酱³ keys (sctp<num>t…)
// to https://<num>.push.ft07.com/send/<SendKey>.send — with `title` and
// `desp` (the content, Markdown) as form fields. The answer is JSON whose
// `code` is 0 on success.
// Read 2026-12-06: github.com/easychen/serverchan-sdk README (the official SDK:
// sendkey, title, desp; `code: 0` is success) and the SDK author's skill page
// https://www.skills.sh/easychen/skills/serverchan (the two endpoints by key prefix).

export function serverchanUrl(sendKey: string, base?: string): string {
  if (base) return `${trimBase(base)}/${sendKey}.send`;
  const sc3 = /^sctp(\d+)t/i.exec(sendKey);
  return sc3
    ? `https://${sc3[1]}.push.ft07.com/send/${sendKey}.send`
    : `https://sctapi.ftqq.com/${sendKey}.send`;
}

export const sendServerchan: ChannelSender = async (channel, message, options) => {
  const form = new URLSearchParams({ title: message.title, desp: plainText(message) });
  const answer = await channelPost(
    serverchanUrl(channel.target, options.bases?.serverchan),
    {
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: form.toString(),
    },
    options,
  );
  const code = answerJson(answer)?.code;
  if (code !== 0) throw new ChannelSendError(`ServerChan answered code ${String(code ?? "none")}`);
};
