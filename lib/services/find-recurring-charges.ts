import "server-only";
import { recurringCharges } from "@/lib/data/recurring-charges";
import type { Actor } from "@/lib/data/users";
import type { RecurringCharge } from "@/lib/domain/recurring-charges";
import { getPlaybook, playbookFor } from "@/lib/playbooks/library";

export type RecurringChargeDto = RecurringCharge & {
  playbookSlug: string | null;
  /** The playbook's provider name, to start "add this subscription" with. */
  playbookName: string | null;
};

/**
 * The recurring charges in a user's statements, each with the playbook its
 * statement text names (a provider's statement descriptor or name), so
 * "add this subscription" starts with the right playbook.
 */
export async function findRecurringCharges(
  actor: Actor & { timeZone: string },
): Promise<RecurringChargeDto[]> {
  return (await recurringCharges(actor)).map((charge) => {
    const slug = playbookFor(charge.description);
    return { ...charge, playbookSlug: slug, playbookName: slug ? getPlaybook(slug)!.name : null };
  });
}
