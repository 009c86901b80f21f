// Parsing and validating playbook files: pure, so the CI test and the server
// read them by the same rules.
import { normalizeDescription } from "@/lib/domain/merchant-patterns";
import { playbookSchema, type Playbook } from "./schema";

export type PlaybookFile = { name: string; text: string };

export class PlaybookFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "PlaybookFileError";
  }
}

/** One file: its JSON against the schema, and its name against its slug. */
export function parsePlaybookFile(file: PlaybookFile): Playbook {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    throw new PlaybookFileError(file.name, [`not JSON: ${(error as Error).message}`]);
  }
  const parsed = playbookSchema.safeParse(json);
  if (!parsed.success) {
    throw new PlaybookFileError(
      file.name,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`),
    );
  }
  if (file.name !== `${parsed.data.slug}.json`) {
    throw new PlaybookFileError(file.name, [`the file must be named ${parsed.data.slug}.json`]);
  }
  return parsed.data;
}

/** Names a playbook answers to: its name and aliases, normalized as statement text is. */
export function playbookNames(playbook: Playbook): string[] {
  return [playbook.name, ...playbook.aliases].map(normalizeDescription).filter((n) => n !== "");
}

/** Every file, and no two playbooks answering to the same name. */
export function loadPlaybookFiles(files: PlaybookFile[]): ReadonlyMap<string, Playbook> {
  const bySlug = new Map<string, Playbook>();
  const owners = new Map<string, string>();
  for (const file of files) {
    const playbook = parsePlaybookFile(file);
    if (bySlug.has(playbook.slug)) {
      throw new PlaybookFileError(file.name, [`slug ${playbook.slug} is taken`]);
    }
    for (const name of playbookNames(playbook)) {
      const owner = owners.get(name);
      if (owner !== undefined && owner !== playbook.slug) {
        throw new PlaybookFileError(file.name, [`the name "${name}" is ${owner}'s too`]);
      }
      owners.set(name, playbook.slug);
    }
    bySlug.set(playbook.slug, playbook);
  }
  return bySlug;
}
