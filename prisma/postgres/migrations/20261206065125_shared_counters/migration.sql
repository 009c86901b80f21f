-- CreateTable
CREATE TABLE "SharedCounter" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "SharedCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SharedCounter_expiresAt_idx" ON "SharedCounter"("expiresAt");

