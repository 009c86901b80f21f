import { z } from "zod";
import { idField } from "./fields";

/** Settings → Single sign-on: unlink one identity; the password only when it would be the last way in. */
export const unlinkOidcSchema = z.object({
  id: idField,
  password: z
    .string()
    .max(1000)
    .optional()
    .transform((value) => value || undefined),
});
