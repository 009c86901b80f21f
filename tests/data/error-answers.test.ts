import { describe, expect, it } from "vitest";
import { toActionState } from "@/lib/actions/result";
import { limitReachedError } from "@/lib/data/errors";
import { parseOfxStatement } from "@/lib/documents/statement-ofx";
import { errorResponse } from "@/lib/http/api-route";

// An error's details (which limit, which row) reach the JSON API as `limit`
// and `row`, the English field messages, and a form's message values: the
// contract's error shape stays {error: {code, message, fields?, ...}}.

const OFX_BAD_AMOUNT = `OFXHEADER:100
DATA:OFXSGML
<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261101<TRNAMT>-9.99<FITID>a<NAME>Netflix</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261102<TRNAMT>-1.23456<FITID>b<NAME>Spotify</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("an error's details", () => {
  it("a reached limit: `limit` in the JSON error and the form's values", async () => {
    const error = limitReachedError("receipts", 5, "This case already holds 5 receipts.");
    const response = errorResponse(error);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: "limit_reached", message: "This case already holds 5 receipts.", limit: 5 },
    });
    expect(
      await toActionState(async () => {
        throw error;
      }),
    ).toEqual({
      status: "error",
      message: "errors.limit_reached_receipts",
      values: { limit: 5 },
      fields: undefined,
    });
  });

  it("a statement's bad row: `row`, and the English field message names it", async () => {
    const error = thrown(() => parseOfxStatement(OFX_BAD_AMOUNT)) as Parameters<
      typeof errorResponse
    >[0];
    const body = (await errorResponse(error).json()) as {
      error: { code: string; row?: number; fields?: Record<string, string[]> };
    };
    expect(body.error).toMatchObject({
      code: "validation_failed",
      row: 2,
      fieldCodes: { file: ["statement_amount_inexact"] },
    });
    expect(body.error.fields?.file?.[0]).toMatch(/\b2\b/);
    expect(
      await toActionState(async () => {
        throw error;
      }),
    ).toMatchObject({ message: "errors.statement_amount_inexact", values: { row: 2 } });
  });
});
