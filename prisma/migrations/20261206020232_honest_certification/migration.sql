-- ADR 013: the home role no longer grants its tasks at level 3 by default; only recorded levels count.
ALTER TABLE "Skill" ADD COLUMN "migrated" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Skill" ADD COLUMN "reviewDueOn" DATE;

-- Nobody loses rights silently: every person keeps, as a recorded level marked "migrated", the level 3 their home
-- role gave them for each of its tasks where nothing was recorded (recorded levels, e.g. INVOICE 0, stay as they are).
INSERT INTO "Skill" ("userId", "task", "level", "certifiedById", "certifiedAt", "migrated")
SELECT u."id", t."task"::"Task", 3, NULL, CURRENT_TIMESTAMP, true
FROM "User" u
JOIN (VALUES
  ('RECEPTIONIST', 'TAKE_ORDER'), ('RECEPTIONIST', 'HANDLE_PICKUP'), ('RECEPTIONIST', 'CUSTOMER_SERVICE'),
  ('BACK_OFFICE', 'FULFILL'), ('BACK_OFFICE', 'INVOICE'), ('BACK_OFFICE', 'RECORD_PAYMENT'),
  ('MANAGER', 'MANAGE_TEAM'), ('MANAGER', 'MANAGE_CATALOG')
) AS t("role", "task") ON t."role" = u."homeRole"::text
WHERE NOT EXISTS (SELECT 1 FROM "Skill" s WHERE s."userId" = u."id" AND s."task"::text = t."task");
