// What the file benches (dispute, hostile, upload-memory) share: calls to the
// API of the server they started, the case they attach files to, a peak-RSS
// sampler and the results file. Each bench still says what it measures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../scripts/paths.mjs";

/**
 * Calls to the API at `base`, as `authorization` (a whole header value,
 * "Bearer …"). The answer comes back as it is: a bench may want its status or
 * its streamed body. `checked` throws on one that is not 2xx, naming the call.
 */
export function apiClient(base) {
  const call = (method, url, { authorization, json, form } = {}) =>
    fetch(base + url, {
      method,
      headers: {
        ...(json ? { "content-type": "application/json" } : {}),
        ...(authorization ? { authorization } : {}),
      },
      body: json ? JSON.stringify(json) : form,
    });
  const checked = async (method, url, options) => {
    const response = await call(method, url, options);
    if (!response.ok) {
      throw new Error(
        `${method} ${url}: ${response.status} ${(await response.text()).slice(0, 300)}`,
      );
    }
    return response;
  };
  return { call, checked };
}

/** A file in a multipart form, with small fields beside it. */
export function fileForm(file, fields = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file);
  return form;
}

/** A monthly $30 mobile plan from `provider` and a case opened on it, for its cost. */
export async function openCase({ checked }, authorization, provider = "Mint Mobile") {
  const plan = {
    provider,
    category: "mobile",
    amount: 3000,
    currency: "USD",
    billingCycle: "monthly",
  };
  const sub = await (
    await checked("POST", "/api/v1/subscriptions", { authorization, json: plan })
  ).json();
  const json = { subscriptionId: sub.id, reason: "cost" };
  return (await checked("POST", "/api/v1/cases", { authorization, json })).json();
}

/** Samples the server's RSS every `everyMs` from now; `stop()` answers the peak in MiB. */
export function peakRss(server, everyMs) {
  let peak = server.rssMiB();
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, server.rssMiB());
    } catch {
      // a serving process is being replaced: the work will fail and say why
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Writes bench/results/<name>-<day>.json (with the day, Node and the CPUs); answers its path. */
export function writeResults(name, results) {
  const out = path.join(
    root,
    "bench",
    "results",
    `${name}-${new Date().toISOString().slice(0, 10)}.json`,
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const header = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length };
  fs.writeFileSync(out, JSON.stringify({ ...header, ...results }, null, 2) + "\n");
  return path.relative(root, out);
}
