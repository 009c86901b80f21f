import "server-only";
import { db } from "@/lib/db/client";
import { notFoundError } from "./errors";
import type { Actor } from "./users";

/** Whether the case is the actor's: asked before an upload's first byte, or when a list comes back empty. */
export async function assertCaseExists(actor: Actor, caseId: string): Promise<void> {
  const found = await db.cancellationCase.count({ where: { id: caseId, userId: actor.id } });
  if (!found) throw notFoundError("Case");
}
