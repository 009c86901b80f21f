-- CreateIndex
CREATE INDEX "Subscription_userId_nextRenewalOn_idx" ON "Subscription"("userId", "nextRenewalOn");

