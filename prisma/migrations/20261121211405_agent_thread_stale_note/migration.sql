-- AlterTable
ALTER TABLE "AgentThread" ADD COLUMN "staleNote" TEXT;

-- CreateIndex
CREATE INDEX "AgentThread_channel_staleNote_idx" ON "AgentThread"("channel", "staleNote");

