-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "requiredSkillId" UUID;

-- CreateTable
CREATE TABLE "ShopSkill" (
    "id" UUID NOT NULL,
    "nameVi" VARCHAR(80) NOT NULL,
    "nameEn" VARCHAR(80) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopSkill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSkillLevel" (
    "userId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "certifiedById" UUID,
    "certifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewDueOn" DATE,

    CONSTRAINT "ShopSkillLevel_pkey" PRIMARY KEY ("userId","skillId")
);

-- CreateIndex
CREATE INDEX "ShopSkillLevel_skillId_level_idx" ON "ShopSkillLevel"("skillId", "level");

-- AddForeignKey
ALTER TABLE "ShopSkillLevel" ADD CONSTRAINT "ShopSkillLevel_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopSkillLevel" ADD CONSTRAINT "ShopSkillLevel_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "ShopSkill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopSkillLevel" ADD CONSTRAINT "ShopSkillLevel_certifiedById_fkey" FOREIGN KEY ("certifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_requiredSkillId_fkey" FOREIGN KEY ("requiredSkillId") REFERENCES "ShopSkill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What Prisma cannot express (ADR 003: integrity in the database).
ALTER TABLE "ShopSkillLevel" ADD CONSTRAINT "ShopSkillLevel_level_range" CHECK (level BETWEEN 0 AND 3);
ALTER TABLE "ShopSkill" ADD CONSTRAINT "ShopSkill_names_present" CHECK (btrim("nameVi") <> '' AND btrim("nameEn") <> '');
CREATE UNIQUE INDEX "ShopSkill_nameVi_lower_key" ON "ShopSkill" (lower("nameVi"));
CREATE UNIQUE INDEX "ShopSkill_nameEn_lower_key" ON "ShopSkill" (lower("nameEn"));
CREATE INDEX "Product_requiredSkillId_idx" ON "Product" ("requiredSkillId") WHERE "requiredSkillId" IS NOT NULL;
