"use server";

import { revalidatePath } from "next/cache";
import { updateAccount } from "@/lib/data/statement-accounts";
import { updateAccountSchema } from "@/lib/validation/accounts";
import { idField } from "@/lib/validation/fields";
import { formText, formValues } from "./result";
import { userAction, type FormArgs } from "./user-action";

// A statement account's kind and the holder's and issuer's details (issue
// 34), from the Accounts section of the Statements page. The kind changes
// the deadlines of every charge of the account, wherever they show.

export const updateAccountAction = userAction(
  updateAccountSchema.extend({ accountId: idField }),
  async (user, { accountId, ...input }) => {
    await updateAccount(user, accountId, input);
    return { status: "ok", message: "accounts.section.saved" };
  },
  {
    input: ([, formData]: FormArgs) => ({
      accountId: formText(formData, "accountId"),
      ...formValues(formData, [
        "accountKind",
        "holderName",
        "holderAddress",
        "issuerName",
        "issuerAddress",
      ]),
    }),
    always: () => revalidatePath("/", "layout"),
  },
);
