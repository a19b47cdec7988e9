-- Title rule versions (issue 17; docs/domain.md §3 "Rules as versioned data", §10 "Legal basis"): each
-- title's rule parameters for a range of years, with its legal reference. The engine evaluates a year
-- under the version in force that year.

-- AlterTable: the rule shape a title added by the admin follows (null: its own code).
ALTER TABLE "TitleDefinition" ADD COLUMN "ruleShape" VARCHAR(32);

-- CreateTable
CREATE TABLE "TitleRuleVersion" (
    "id" UUID NOT NULL,
    "titleCode" VARCHAR(32) NOT NULL,
    "shape" VARCHAR(32) NOT NULL,
    "firstYear" INTEGER NOT NULL,
    "lastYear" INTEGER,
    "params" JSONB NOT NULL,
    "legalLaw" VARCHAR(300),
    "legalDecree" VARCHAR(300),
    "legalCircular" VARCHAR(300),
    "legalArticle" VARCHAR(300),
    "citation" VARCHAR(1000) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TitleRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TitleRuleVersion_titleCode_firstYear_idx" ON "TitleRuleVersion"("titleCode", "firstYear");

-- The years make sense, and two versions of one title never share a year (the command checks it first
-- and says which version is in the way; this is the last word under concurrent writes).
ALTER TABLE "TitleRuleVersion" ADD CONSTRAINT "TitleRuleVersion_years_check"
    CHECK ("firstYear" BETWEEN 1900 AND 2200 AND ("lastYear" IS NULL OR "lastYear" BETWEEN "firstYear" AND 2200));
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "TitleRuleVersion" ADD CONSTRAINT "TitleRuleVersion_no_overlap"
    EXCLUDE USING gist ("titleCode" WITH =, int4range("firstYear", "lastYear", '[]') WITH &&);

-- The shipped versions (src/domain/eligibility/shipped-rules.ts, the same values): up to 2023 the Law of
-- 2003 as amended and Decree 91/2017/NĐ-CP; 2024–2025 the Law of 2022 and Decree 98/2023/NĐ-CP; from
-- 2026 the Law of 2022 and Decree 152/2025/NĐ-CP; discipline rests on Thông tư 12/2019/TT-BCA.
INSERT INTO "TitleRuleVersion" ("id", "titleCode", "shape", "firstYear", "lastYear", "params", "legalLaw", "legalDecree", "legalCircular", "legalArticle", "citation", "updatedAt") VALUES
  (gen_random_uuid(), 'CST', 'CST', 2000, 2023, '{"minRating":"GOOD","disciplineFrom":"KHIEN_TRACH"}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', 'Thông tư 12/2019/TT-BCA', NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP; Thông tư 12/2019/TT-BCA', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTDCS', 'CSTDCS', 2000, 2023, '{"initiativeLevel":"BASE","quotaRounding":"FLOOR"}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTD_CAND', 'CSTD_CAND', 2000, 2023, '{"streakYears":3,"initiativeLevel":"MINISTRY"}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTD_TQ', 'CSTD_TQ', 2000, 2023, '{"initiativeLevel":"NATIONAL"}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DV_TIEN_TIEN', 'DV_TIEN_TIEN', 2000, 2023, '{"disciplineFrom":"CANH_CAO"}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', 'Thông tư 12/2019/TT-BCA', NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP; Thông tư 12/2019/TT-BCA', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DV_QUYET_THANG', 'DV_QUYET_THANG', 2000, 2023, '{"minCstdcsMembers":1}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CO_BCA', 'CO_BCA', 2000, 2023, '{}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CO_CP', 'CO_CP', 2000, 2023, '{"maxPerCluster":1}'::jsonb, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)', 'Nghị định 91/2017/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CST', 'CST', 2024, 2025, '{"minRating":"GOOD","disciplineFrom":"KHIEN_TRACH"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', 'Thông tư 12/2019/TT-BCA', NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP; Thông tư 12/2019/TT-BCA', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTDCS', 'CSTDCS', 2024, 2025, '{"initiativeLevel":"BASE","quotaRounding":"FLOOR"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTD_CAND', 'CSTD_CAND', 2024, 2025, '{"streakYears":3,"initiativeLevel":"MINISTRY"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTD_TQ', 'CSTD_TQ', 2024, 2025, '{"initiativeLevel":"NATIONAL"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DV_TIEN_TIEN', 'DV_TIEN_TIEN', 2024, 2025, '{"disciplineFrom":"CANH_CAO"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', 'Thông tư 12/2019/TT-BCA', NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP; Thông tư 12/2019/TT-BCA', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DV_QUYET_THANG', 'DV_QUYET_THANG', 2024, 2025, '{"minCstdcsMembers":1}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CO_BCA', 'CO_BCA', 2024, 2025, '{}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CO_CP', 'CO_CP', 2024, 2025, '{"maxPerCluster":1}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CST', 'CST', 2026, NULL, '{"minRating":"GOOD","disciplineFrom":"KHIEN_TRACH"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', 'Thông tư 12/2019/TT-BCA', NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Thông tư 12/2019/TT-BCA', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTDCS', 'CSTDCS', 2026, NULL, '{"initiativeLevel":"BASE","quotaRounding":"FLOOR"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTD_CAND', 'CSTD_CAND', 2026, NULL, '{"streakYears":3,"initiativeLevel":"MINISTRY"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CSTD_TQ', 'CSTD_TQ', 2026, NULL, '{"initiativeLevel":"NATIONAL"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DV_TIEN_TIEN', 'DV_TIEN_TIEN', 2026, NULL, '{"disciplineFrom":"CANH_CAO"}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', 'Thông tư 12/2019/TT-BCA', NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Thông tư 12/2019/TT-BCA', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DV_QUYET_THANG', 'DV_QUYET_THANG', 2026, NULL, '{"minCstdcsMembers":1}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CO_BCA', 'CO_BCA', 2026, NULL, '{}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'CO_CP', 'CO_CP', 2026, NULL, '{"maxPerCluster":1}'::jsonb, 'Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP', NULL, NULL, 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP', CURRENT_TIMESTAMP);
