-- At most one live chat (pending, assigned or transferred) per conversation: two bot
-- instances handling "talk to a person" at once cannot both open one.
-- PostgreSQL has a partial unique index for this; the SQLite schema describer of the
-- Prisma CLI cannot read partial indexes, so SQLite refuses the second one with a
-- trigger. A chat never becomes live again once ended, so inserts are all to check.
CREATE TRIGGER "Handoff_conversationId_live_key"
BEFORE INSERT ON "Handoff"
WHEN NEW."status" IN ('pending', 'assigned', 'transferred')
  AND EXISTS (
    SELECT 1 FROM "Handoff"
    WHERE "conversationId" = NEW."conversationId" AND "status" IN ('pending', 'assigned', 'transferred')
  )
BEGIN
  SELECT RAISE(ABORT, 'Handoff_conversationId_live_key: one live chat per conversation');
END;
