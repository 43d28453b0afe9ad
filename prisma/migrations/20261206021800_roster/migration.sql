-- Issue 16: a roster per person (docs/decisions/011-roster-and-presence.md). Nobody is rostered after this
-- migration: "rostered" = false means "on shift whenever the business is open", exactly what every cover number
-- assumed before, so no existing shop's numbers move until a manager edits someone's roster.

ALTER TABLE "User" ADD COLUMN "rostered" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "contractedMinutesPerWeek" INTEGER,
ADD CONSTRAINT "User_contractedMinutesPerWeek_check"
  CHECK ("contractedMinutesPerWeek" IS NULL OR "contractedMinutesPerWeek" BETWEEN 0 AND 6720);

ALTER TABLE "BusinessSettings" ADD COLUMN "coverExcludedTasks" "Task"[] NOT NULL DEFAULT ARRAY[]::"Task"[];

-- CreateTable
CREATE TABLE "ShiftPattern" (
    "userId" UUID NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "blocks" JSONB NOT NULL,

    CONSTRAINT "ShiftPattern_pkey" PRIMARY KEY ("userId","weekday"),
    CONSTRAINT "ShiftPattern_weekday_check" CHECK ("weekday" BETWEEN 1 AND 7),
    CONSTRAINT "ShiftPattern_blocks_check" CHECK (jsonb_typeof("blocks") = 'array' AND jsonb_array_length("blocks") <= 2)
);

-- CreateTable
CREATE TABLE "ShiftOverride" (
    "userId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "blocks" JSONB NOT NULL,

    CONSTRAINT "ShiftOverride_pkey" PRIMARY KEY ("userId","day"),
    CONSTRAINT "ShiftOverride_blocks_check" CHECK (jsonb_typeof("blocks") = 'array' AND jsonb_array_length("blocks") <= 2)
);

-- CreateIndex
CREATE INDEX "ShiftOverride_day_idx" ON "ShiftOverride"("day");

-- AddForeignKey
ALTER TABLE "ShiftPattern" ADD CONSTRAINT "ShiftPattern_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftOverride" ADD CONSTRAINT "ShiftOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
