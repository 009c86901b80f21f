"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addCorrection, deleteCorrection } from "@/lib/data/playbook-corrections";
import { PLAYBOOK_SLUG } from "@/lib/playbooks/schema";
import { idField } from "@/lib/validation/fields";
import { createCorrectionSchema } from "@/lib/validation/playbook-corrections";
import { formText } from "./result";
import { userAction, type FormArgs } from "./user-action";

const slugField = z.string().max(60).regex(PLAYBOOK_SLUG);

const revalidatePlaybook = (slug: string) => {
  if (slugField.safeParse(slug).success) revalidatePath(`/playbooks/${slug}`);
};

/** "This is out of date" on one fact of a playbook. */
export const reportOutOfDateAction = userAction(
  createCorrectionSchema.extend({ slug: slugField }),
  async (user, { slug, ...input }) => {
    await addCorrection(user, slug, input);
    revalidatePlaybook(slug);
    return { status: "ok", message: "playbooks.correctionSaved" };
  },
  {
    input: ([, formData]: FormArgs) => ({
      slug: formText(formData, "slug"),
      factPath: formText(formData, "factPath"),
      note: formText(formData, "note"),
      sourceUrl: formText(formData, "sourceUrl") || null,
      checkedOn: formText(formData, "checkedOn") || undefined,
      everyone: formText(formData, "everyone") === "on",
    }),
  },
);

/** Deletes one of the user's own corrections. */
export const deleteCorrectionAction = userAction(
  z.object({ slug: slugField, id: idField }),
  async (user, { slug, id }) => {
    await deleteCorrection(user, slug, id);
    revalidatePlaybook(slug);
    return { status: "ok" };
  },
  { input: ([slug, id]: [string, string]) => ({ slug, id }) },
);
