-- CreateIndex
CREATE INDEX "CaseEvent_userId_to_caseId_seq_idx" ON "CaseEvent"("userId", "to", "caseId", "seq");

