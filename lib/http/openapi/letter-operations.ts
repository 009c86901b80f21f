import { LETTER_KINDS } from "@/lib/domain/letters";
import { letterQuerySchema } from "@/lib/validation/letters";
import type { Operation } from "./operation";

/** The letters that escalate a dispute (issue 34). */
export const LETTER_OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/cases/{id}/letters/{kind}",
    tag: "cases",
    summary: "Download one of the case's letters",
    description: `\`kind\`: ${LETTER_KINDS.map((k) => `\`${k}\``).join(", ")}. Text (\`text/plain; charset=utf-8\`) by default, \`format=pdf\` for a PDF; \`lang=zh-CN\` is the Chinese version to read (the English one is the one to send). \`transactionId\` limits the letter to one of the case's flagged charges. A missing detail (legal name, mailing address, the issuer's dispute address) is a bracketed placeholder. 404 for another user's case, an unknown kind, a kind that does not fit the case (\`billing_error\` needs a credit card; \`reg_e_notice\` and \`revoke_authorization\` a debit card or bank account; \`fcc_complaint\` a mobile or internet subscription), or a \`transactionId\` that is not one of the case's flagged charges.`,
    auth: "user",
    query: letterQuerySchema,
    success: {
      status: 200,
      description: "The letter, as an attachment.",
      contentType: "text/plain",
    },
    errors: ["rate_limited"],
  },
];
