import { afterEach, describe, expect, it, vi } from "vitest";
import { noAnswerReason, postForm, refusalOf } from "@/components/uploads/upload-client";

// The browser's one upload client, driven by a stand-in XMLHttpRequest that
// answers (or fails) the way the real one does.

type Script = { status?: number; responseText?: string; fail?: boolean; progress?: number[] };

function fakeXhr(script: Script) {
  const sent: { method: string; url: string; body: unknown }[] = [];
  class FakeXhr {
    status = 0;
    responseText = "";
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private method = "";
    private url = "";
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    send(body: unknown) {
      sent.push({ method: this.method, url: this.url, body });
      for (const loaded of script.progress ?? []) {
        this.upload.onprogress?.({ lengthComputable: true, loaded, total: 200 } as ProgressEvent);
      }
      queueMicrotask(() => {
        if (script.fail) return this.onerror?.();
        this.status = script.status ?? 200;
        this.responseText = script.responseText ?? "";
        this.onload?.();
      });
    }
  }
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("postForm", () => {
  it("posts the form and answers with the status and the parsed JSON, reporting whole percents", async () => {
    const sent = fakeXhr({ status: 201, responseText: '{"id":"r1"}', progress: [1, 100, 200] });
    const form = new FormData();
    const progress: number[] = [];
    const answer = await postForm("/api/v1/imports", form, (p) => progress.push(p));
    expect(answer).toEqual({ status: 201, body: { id: "r1" } });
    expect(sent).toEqual([{ method: "POST", url: "/api/v1/imports", body: form }]);
    expect(progress).toEqual([1, 50, 100]);
  });

  it("an answer that is not JSON has no body", async () => {
    fakeXhr({ status: 502, responseText: "<html>Bad gateway</html>" });
    expect(await postForm("/x", new FormData())).toEqual({ status: 502, body: null });
  });

  it("rejects when no answer came", async () => {
    fakeXhr({ fail: true });
    await expect(postForm("/x", new FormData())).rejects.toThrow("network");
  });
});

describe("noAnswerReason", () => {
  it("tells offline from a failed network", () => {
    vi.stubGlobal("navigator", { onLine: false });
    expect(noAnswerReason()).toBe("upload_offline");
    vi.stubGlobal("navigator", { onLine: true });
    expect(noAnswerReason()).toBe("upload_network");
  });
});

describe("refusalOf", () => {
  it("reads the codes and the details of the API's error, never its English", () => {
    expect(
      refusalOf({
        error: {
          code: "validation_failed",
          message: "Row 3: the date is not a date",
          fields: { file: ["Row 3: the date is not a date"] },
          fieldCodes: { kind: [], file: ["statement_bad_date"] },
          row: 3,
        },
      }),
    ).toEqual({ code: "validation_failed", fieldCode: "statement_bad_date", row: 3 });
    expect(refusalOf({ error: { code: "limit_reached", message: "…", limit: 20 } })).toEqual({
      code: "limit_reached",
      limit: 20,
    });
  });

  it("an answer without an error object reads as no codes", () => {
    expect(refusalOf(null)).toEqual({});
    expect(refusalOf("Bad gateway")).toEqual({});
    expect(refusalOf({ error: "nope" })).toEqual({});
  });
});
