-- AlterTable
ALTER TABLE "Partner" ALTER COLUMN "contractStatus" DROP NOT NULL,
ALTER COLUMN "joinedAt" DROP NOT NULL;

