-- CreateIndex
CREATE INDEX "Ticket_accountId_lastActivityAt_id_idx" ON "Ticket"("accountId", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_creatorId_lastActivityAt_id_idx" ON "Ticket"("creatorId", "lastActivityAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_lastActivityAt_id_idx" ON "Ticket"("assigneeId", "lastActivityAt", "id");

