-- DropIndex
DROP INDEX "Ticket_assigneeId_lastActivityAt_id_idx";

-- DropIndex
DROP INDEX "Ticket_creatorId_lastActivityAt_id_idx";

-- CreateIndex
CREATE INDEX "Ticket_accountId_id_idx" ON "Ticket"("accountId", "id");

-- CreateIndex
CREATE INDEX "Ticket_creatorId_id_idx" ON "Ticket"("creatorId", "id");

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_id_idx" ON "Ticket"("assigneeId", "id");

