import { z } from "zod";
import { transactionQuerySchema } from "./imports";

// The statement-lines page's URL (/statements/lines?account=…&subscriptionId=…&flagged=true&cursor=…):
// the API's query for GET /api/v1/transactions, read from a GET form whose
// "all" choices send an empty value, and from links a user may have edited.

/** A parameter given twice counts once; an empty one (a form's "all") is none. */
const urlParam = (value: unknown) => {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first === "" ? undefined : first;
};

const shape = transactionQuerySchema.shape;

export const statementLinesQuerySchema = transactionQuerySchema.extend({
  subscriptionId: z.preprocess(urlParam, shape.subscriptionId),
  account: z.preprocess(urlParam, shape.account),
  flagged: z.preprocess(urlParam, shape.flagged),
  cursor: z.preprocess(urlParam, shape.cursor),
});

export type StatementLinesQuery = z.infer<typeof statementLinesQuerySchema>;
