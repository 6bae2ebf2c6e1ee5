-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "website" TEXT,
    "domain" TEXT,
    "country" TEXT,
    "state" TEXT,
    "contractStatus" TEXT,
    "contractName" TEXT,
    "joinedAt" DATETIME,
    "joinedVia" TEXT NOT NULL,
    "size" TEXT,
    "businessModel" TEXT,
    "stage" TEXT NOT NULL,
    "accountManager" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "promotionalAreas" TEXT NOT NULL DEFAULT '[]',
    "audienceCountry" TEXT,
    "socialReach" INTEGER NOT NULL DEFAULT 0,
    "prospectingSource" TEXT,
    "pendingTermUpdate" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Partner_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Partner" ("accountId", "accountManager", "audienceCountry", "businessModel", "contactEmail", "contactName", "contractName", "contractStatus", "country", "domain", "id", "joinedAt", "joinedVia", "name", "nameKey", "partnerId", "pendingTermUpdate", "promotionalAreas", "prospectingSource", "size", "socialReach", "stage", "state", "updatedAt", "website") SELECT "accountId", "accountManager", "audienceCountry", "businessModel", "contactEmail", "contactName", "contractName", "contractStatus", "country", "domain", "id", "joinedAt", "joinedVia", "name", "nameKey", "partnerId", "pendingTermUpdate", "promotionalAreas", "prospectingSource", "size", "socialReach", "stage", "state", "updatedAt", "website" FROM "Partner";
DROP TABLE "Partner";
ALTER TABLE "new_Partner" RENAME TO "Partner";
CREATE INDEX "Partner_accountId_nameKey_idx" ON "Partner"("accountId", "nameKey");
CREATE INDEX "Partner_accountId_domain_idx" ON "Partner"("accountId", "domain");
CREATE INDEX "Partner_accountId_contractStatus_idx" ON "Partner"("accountId", "contractStatus");
CREATE INDEX "Partner_accountId_joinedAt_idx" ON "Partner"("accountId", "joinedAt");
CREATE UNIQUE INDEX "Partner_accountId_partnerId_key" ON "Partner"("accountId", "partnerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

