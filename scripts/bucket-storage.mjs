// Backups and restores of the local-disk receipt store only. With
// STORAGE_URL the receipts live in a bucket that `npm run backup` does not
// copy, and a ZIP of the database alone would be a half backup that looks
// whole; so both scripts refuse, before touching anything, and say which
// tools do the job (docs/operations.md "Scaling out").
import { setting } from "../lib/config/settings.mjs";

/**
 * Throws when receipts are kept in a bucket, naming the tools to use instead.
 * @param {"backup" | "restore"} action
 */
export function refuseWhenReceiptsInBucket(action) {
  const bucket = setting("STORAGE_URL");
  if (!bucket) return;
  const where = `s3://${bucket.bucket}/${bucket.prefix}`;
  throw new Error(
    action === "backup"
      ? `STORAGE_URL keeps the receipts in ${where}, which npm run backup cannot copy, and a ` +
          "backup without them would be a half backup, so none was taken. Back up the database " +
          'first (PostgreSQL: pg_dump -Fc; SQLite: sqlite3 <db> ".backup <file>"), then the ' +
          `bucket (aws s3 sync ${where} <folder>, rclone sync or mc mirror; better, bucket ` +
          'versioning). See docs/operations.md, "Scaling out".'
      : `STORAGE_URL keeps the receipts in ${where}: npm run restore restores only backups of ` +
          "the local disk, and would leave the bucket out of step with the database. Restore " +
          "the database (pg_restore, or the SQLite file), then the bucket (aws s3 sync <folder> " +
          `${where}, rclone sync or mc mirror). See docs/operations.md, "Scaling out".`,
  );
}
