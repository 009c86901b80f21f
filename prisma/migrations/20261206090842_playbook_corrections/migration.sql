-- CreateTable
CREATE TABLE "PlaybookCorrection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "everyone" BOOLEAN NOT NULL DEFAULT false,
    "playbookSlug" TEXT NOT NULL,
    "factPath" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "checkedOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlaybookCorrection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlaybookCorrection_userId_playbookSlug_createdAt_idx" ON "PlaybookCorrection"("userId", "playbookSlug", "createdAt");

-- CreateIndex
CREATE INDEX "PlaybookCorrection_everyone_playbookSlug_createdAt_idx" ON "PlaybookCorrection"("everyone", "playbookSlug", "createdAt");
