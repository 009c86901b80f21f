import "server-only";
import { isDeepStrictEqual } from "node:util";
import { exportCorrections, importCorrections } from "@/lib/data/playbook-corrections";
import type { Actor } from "@/lib/data/users";
import { parsePlaybookFile, PlaybookFileError } from "@/lib/playbooks/load";
import { getPlaybook, playbookLibrary } from "@/lib/playbooks/library";
import type { Playbook } from "@/lib/playbooks/schema";
import { CORRECTIONS_FORMAT, type CorrectionsFile } from "@/lib/validation/playbook-corrections";

// Corrections (and playbooks) shared between servers as one JSON file
// (issue 33, point 3). Corrections are imported; playbooks are only compared
// with this server's library and reported: a playbook changes through a
// reviewed file in the repository (playbooks/README.md), never by upload,
// since every fact must come from a page somebody read.

export type CorrectionsExport = CorrectionsFile & { exportedAt: string };

export async function exportCorrectionsFile(
  actor: Actor,
  withPlaybooks: boolean,
): Promise<CorrectionsExport> {
  return {
    format: CORRECTIONS_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    corrections: await exportCorrections(actor),
    ...(withPlaybooks ? { playbooks: [...playbookLibrary().values()] } : {}),
  };
}

export type PlaybookComparison = {
  /** The same as this server's. */
  same: string[];
  /** Valid, but not what this server has: a newer or older version to review. */
  differ: string[];
  /** Valid, for a provider this server has no playbook for. */
  unknown: string[];
  /** Not a valid playbook: where (its place in the file) and why. */
  invalid: { index: number; problems: string[] }[];
};

function comparePlaybooks(playbooks: unknown[]): PlaybookComparison {
  const result: PlaybookComparison = { same: [], differ: [], unknown: [], invalid: [] };
  playbooks.forEach((json, index) => {
    let playbook: Playbook;
    try {
      const slug = (json as { slug?: unknown } | null)?.slug;
      playbook = parsePlaybookFile({ name: `${String(slug)}.json`, text: JSON.stringify(json) });
    } catch (error) {
      if (!(error instanceof PlaybookFileError)) throw error;
      result.invalid.push({ index, problems: error.problems.slice(0, 20) });
      return;
    }
    const ours = getPlaybook(playbook.slug);
    if (!ours) result.unknown.push(playbook.slug);
    else if (isDeepStrictEqual(ours, playbook)) result.same.push(playbook.slug);
    else result.differ.push(playbook.slug);
  });
  return result;
}

export async function importCorrectionsFile(
  actor: Actor & { email: string; timeZone: string },
  file: CorrectionsFile,
  everyone: boolean,
): Promise<{ added: number; duplicates: number; playbooks: PlaybookComparison }> {
  const playbooks = comparePlaybooks(file.playbooks ?? []);
  return { ...(await importCorrections(actor, file.corrections, everyone)), playbooks };
}
