import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { queryOf, readJson } from "@/lib/http/body";
import {
  exportCorrectionsFile,
  importCorrectionsFile,
} from "@/lib/services/share-playbook-corrections";
import {
  correctionsFileSchema,
  exportCorrectionsQuerySchema,
  importCorrectionsQuerySchema,
} from "@/lib/validation/playbook-corrections";
import { parseInput } from "@/lib/validation/parse";

/** The corrections the caller sees, as a file to share (`?playbooks=true` adds the playbooks). */
export const GET = apiRoute(async ({ request, user }) => {
  const query = parseInput(exportCorrectionsQuerySchema, queryOf(request));
  const file = await exportCorrectionsFile(user, query.playbooks === "true");
  return NextResponse.json(file, {
    headers: {
      "Content-Disposition": `attachment; filename="cancelcase-playbook-corrections-${file.exportedAt.slice(0, 10)}.json"`,
    },
  });
});

/** A shared file's corrections, all or none; its playbooks are compared with this server's. */
export const POST = apiRoute(async ({ request, user }) => {
  const query = parseInput(importCorrectionsQuerySchema, queryOf(request));
  const file = parseInput(correctionsFileSchema, await readJson(request));
  return NextResponse.json(await importCorrectionsFile(user, file, query.everyone === "true"), {
    status: 201,
  });
});
