-- DropIndex
DROP INDEX "Partner_accountId_accountManager_idx";

-- DropIndex
DROP INDEX "Partner_accountId_businessModel_idx";

-- DropIndex
DROP INDEX "Partner_accountId_country_state_idx";

-- DropIndex
DROP INDEX "Partner_accountId_joinedAt_idx";

-- DropIndex
DROP INDEX "Partner_accountId_prospectingSource_idx";

-- CreateIndex
CREATE INDEX "Partner_accountId_joinedAt_joinedVia_idx" ON "Partner"("accountId", "joinedAt", "joinedVia");

-- CreateIndex
CREATE INDEX "Partner_accountId_country_state_contractStatus_size_idx" ON "Partner"("accountId", "country", "state", "contractStatus", "size");

-- CreateIndex
CREATE INDEX "Partner_accountId_businessModel_socialReach_joinedAt_idx" ON "Partner"("accountId", "businessModel", "socialReach", "joinedAt");

-- CreateIndex
CREATE INDEX "Partner_accountId_accountManager_businessModel_idx" ON "Partner"("accountId", "accountManager", "businessModel");

-- CreateIndex
CREATE INDEX "Partner_accountId_prospectingSource_stage_idx" ON "Partner"("accountId", "prospectingSource", "stage");

