-- At most one live chat (pending, assigned or transferred) per conversation: two bot
-- instances handling "talk to a person" at once cannot both open one.
-- A partial index the Prisma schema cannot express; kept in the migrations only.
CREATE UNIQUE INDEX "Handoff_conversationId_live_key" ON "Handoff"("conversationId") WHERE "status" IN ('pending', 'assigned', 'transferred');
