-- DropIndex
DROP INDEX "PartnerGroupMember_groupId_idx";

-- CreateIndex
CREATE INDEX "Partner_accountId_stage_idx" ON "Partner"("accountId", "stage");

-- CreateIndex
CREATE INDEX "Partner_accountId_country_state_idx" ON "Partner"("accountId", "country", "state");

-- CreateIndex
CREATE INDEX "Partner_accountId_businessModel_idx" ON "Partner"("accountId", "businessModel");

-- CreateIndex
CREATE INDEX "Partner_accountId_accountManager_idx" ON "Partner"("accountId", "accountManager");

-- CreateIndex
CREATE INDEX "Partner_accountId_pendingTermUpdate_idx" ON "Partner"("accountId", "pendingTermUpdate");

-- CreateIndex
CREATE INDEX "Partner_accountId_prospectingSource_idx" ON "Partner"("accountId", "prospectingSource");

-- CreateIndex
CREATE INDEX "Partner_accountId_size_idx" ON "Partner"("accountId", "size");

-- CreateIndex
CREATE INDEX "Partner_accountId_contractName_idx" ON "Partner"("accountId", "contractName");

-- CreateIndex
CREATE INDEX "Partner_accountId_audienceCountry_idx" ON "Partner"("accountId", "audienceCountry");

-- CreateIndex
CREATE INDEX "Partner_accountId_socialReach_idx" ON "Partner"("accountId", "socialReach");

-- CreateIndex
CREATE INDEX "Partner_accountId_updatedAt_idx" ON "Partner"("accountId", "updatedAt");

-- CreateIndex
CREATE INDEX "PartnerGroupMember_groupId_partnerId_idx" ON "PartnerGroupMember"("groupId", "partnerId");

