-- CreateTable
CREATE TABLE "SharedCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expiresAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "SharedCounter_expiresAt_idx" ON "SharedCounter"("expiresAt");
