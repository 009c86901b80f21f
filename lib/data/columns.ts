import "server-only";

// SQLite has no enum type: a vocabulary column is TEXT, and Prisma types it
// as string. Only values that validation and the workflow let in are ever
// written, so reading one back narrows it to the domain's type; anything
// else means the file was changed behind the app's back, which is a bug to
// surface (a 500), not a value to pass on.

export function fromColumn<const T extends string>(values: readonly T[], value: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new Error(`The database holds a value outside its vocabulary: ${JSON.stringify(value)}`);
}

export function fromNullableColumn<const T extends string>(
  values: readonly T[],
  value: string | null,
): T | null {
  return value === null ? null : fromColumn(values, value);
}
