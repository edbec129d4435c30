// The calculator's wording helpers: year runs and today's date in Beijing.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const calc = require(path.join(__dirname, "../../themes/default/assets/calculator.js"));
const rules = require(path.join(__dirname, "../../themes/default/assets/rules.js"));

test("consecutive years are joined into runs", () => {
  assert.strictEqual(calc.yearList([2024, 2021, 2022, 2023]), "2021–2024年");
  assert.strictEqual(calc.yearList([2018, 2020, 2021]), "2018、2020–2021年");
  assert.strictEqual(calc.yearList([2023]), "2023年");
});

test("today in Beijing, whatever the device's zone", () => {
  // 2024-12-31 20:00 in New York is already 1 January in Beijing.
  assert.strictEqual(calc.beijingToday(Date.parse("2024-12-31T20:00:00-05:00")), "2025-01-01");
  assert.strictEqual(calc.beijingToday(Date.parse("2024-12-31T15:59:59Z")), "2024-12-31");
});

test("the sentences name exemptions, sources and hours", () => {
  const rule = { general: [2021, 2024], specialty: [2021, 2024], hoursPerYear: 90, specialtyHoursMin: 60,
    platformGeneralFrom: 2022, platformSpecialtyFrom: 2021 };
  const data = { year: 2024, exemptions: [{ who: "参加“访惠聚”驻村" }] };
  const years = { "2021": { exemption: 0 }, "2022": { general: true, specialty: true, hours: 90, specialtyHours: 60 } };
  const result = rules.evaluateCE(rule, { years });
  const lines = calc.sentences(rule, result, data, { year: 2024, years });
  assert.ok(lines.includes("免修年度：2021年（参加“访惠聚”驻村），需上传免试审批表或相关证明材料。"));
  assert.ok(lines.includes("还缺：公需科目 2023–2024年；专业科目 2023–2024年的培训合格证书。"));
  assert.ok(lines.includes("从管理平台获取：公需科目 2022–2024年；专业科目 2022–2024年。"));
  assert.ok(lines.some((l) => l.startsWith("请填写 2023–2024年 的学时")));
  assert.strictEqual(lines[lines.length - 1], "结论：继续教育材料尚未齐全，请按上面补齐。");
});
