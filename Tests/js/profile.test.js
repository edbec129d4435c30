// The applicant's situation, shared by the checklist's filter and the calculator (assets/profile.js).
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const p = require(path.join(__dirname, "../../themes/default/assets/profile.js"));

test("an item without conditions applies to everyone", () => {
  assert.strictEqual(p.applies({}, { employer: ["事业单位"], fanghuiju: "否" }), true);
});

test("employer conditions: a private company counts as a company", () => {
  const social = { employer: ["民营企业"] };
  assert.strictEqual(p.applies(social, { employer: ["民营企业"] }), true);
  assert.strictEqual(p.applies(social, { employer: ["事业单位"] }), false);
  assert.strictEqual(p.applies({ employer: ["企业"] }, { employer: ["民营企业"] }), true);
  assert.strictEqual(p.applies({ employer: ["民营企业"] }, { employer: ["企业"] }), false);
});

test("an applicant can be several things at once, and sees the items of each", () => {
  // A civil servant of 10 years who moved to a 事业单位 (2022 水利): 普通话 and the civil-servant statement.
  const moved = { employer: ["事业单位", "机关转任"] };
  assert.strictEqual(p.applies({ employer: ["事业单位"] }, moved), true);
  assert.strictEqual(p.applies({ employer: ["机关转任"] }, moved), true);
  assert.strictEqual(p.applies({ employer: ["企业"] }, moved), false);
  // An out-of-province private company's employee in Xinjiang (2021): 委托评审函 and company items.
  const stationed = { employer: ["民营企业", "驻疆单位"] };
  assert.strictEqual(p.applies({ employer: ["驻疆单位"] }, stationed), true);
  assert.strictEqual(p.applies({ employer: ["企业"] }, stationed), true);
});

test("an unanswered question hides nothing", () => {
  assert.strictEqual(p.applies({ employer: ["事业单位"], fanghuiju: true, title: "外省" }, {}), true);
});

test("yes/no conditions follow the answer", () => {
  assert.strictEqual(p.applies({ fanghuiju: true }, { fanghuiju: "是" }), true);
  assert.strictEqual(p.applies({ fanghuiju: true }, { fanghuiju: "否" }), false);
  assert.strictEqual(p.applies({ first: false }, { first: "是" }), false);
});

test("where the title was obtained, and the sub-specialty", () => {
  assert.strictEqual(p.applies({ title: "外省" }, { title: "新疆" }), false);
  assert.strictEqual(p.applies({ title: "外省" }, { title: "外省" }), true);
  assert.strictEqual(p.applies({ sub: ["工程建设"] }, { sub: "生产运行与管理" }), false);
});

test("a first-time applicant is not asked about a current title or 访惠聚 since it, and its items go", () => {
  const first = { first: "是", title: "外省", fanghuiju: "否" };
  assert.strictEqual(p.asked("title", first), false);
  assert.strictEqual(p.asked("fanghuiju", first), false);
  assert.strictEqual(p.asked("employer", first), true);
  assert.strictEqual(p.applies({ title: "新疆" }, first), false);
  assert.strictEqual(p.applies({ title: "外省" }, first), false);
  // The earlier answer no longer hides the exemption form.
  assert.strictEqual(p.applies({ fanghuiju: true }, first), true);
  // …and is kept, should the applicant change their mind.
  assert.strictEqual(p.clean(first).title, "外省");
});

test("belonging to a group needs every condition answered and met", () => {
  const group = { employer: ["民营企业"], first: true };
  assert.strictEqual(p.belongs(group, { employer: ["民营企业"], first: "是" }), true);
  assert.strictEqual(p.belongs(group, { employer: ["民营企业", "驻疆单位"], first: "是" }), true);
  assert.strictEqual(p.belongs(group, { employer: ["民营企业"] }), false);
  assert.strictEqual(p.belongs(group, { employer: ["事业单位"], first: "是" }), false);
  assert.strictEqual(p.belongs({}, { employer: ["民营企业"] }), false);
  const groups = [{ who: "words only" }, { who: "民营企业初次", conditions: group }];
  assert.strictEqual(p.notRequiredGroup(groups, { employer: ["民营企业"], first: "是" }).who, "民营企业初次");
  assert.strictEqual(p.notRequiredGroup(groups, { employer: ["民营企业"], first: "否" }), null);
});

test("the profile travels in the address and keeps other parameters", () => {
  const query = p.toQuery("?now=2024-08-01&employer=x", { employer: ["民营企业", "驻疆单位"], fanghuiju: "是", title: "" });
  assert.strictEqual(query, "?now=2024-08-01&employer=" + encodeURIComponent("民营企业,驻疆单位") + "&fanghuiju=%E6%98%AF");
  assert.deepStrictEqual(p.fromQuery(query), { employer: ["民营企业", "驻疆单位"], fanghuiju: "是" });
  assert.strictEqual(p.fromQuery("?now=2024-08-01"), null);
  // An address that names a field but leaves it empty clears the filter; an older one-type link still reads.
  assert.deepStrictEqual(p.fromQuery("?bogus=1&employer="), {});
  assert.deepStrictEqual(p.fromQuery("?employer=" + encodeURIComponent("事业单位")), { employer: ["事业单位"] });
});

test("one saved profile per notice, read from where the checklist kept it before", () => {
  const store = new Map();
  const storage = { getItem: (k) => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)) };
  store.set("noticeboard:checklist:2024-meitan-aksu", JSON.stringify({ ticks: {}, profile: { employer: "民营企业" } }));
  assert.deepStrictEqual(p.load("2024-meitan-aksu", storage), { employer: ["民营企业"] });
  assert.strictEqual(p.save("2024-meitan-aksu", { first: "是", employer: ["民营企业"] }, storage), true);
  assert.deepStrictEqual(p.load("2024-meitan-aksu", storage), { employer: ["民营企业"], first: "是" });
  assert.deepStrictEqual(p.load("2025-meitan-aksu", storage), {});
});

test("the level chosen hides the items of other levels only; no level chosen shows every level's", () => {
  // 2022 水利: the certificate of another specialty's 中级 title is asked of 副高级 applicants only.
  const fugaoOnly = { levels: ["fugao"] };
  assert.strictEqual(p.applies(fugaoOnly, { level: "fugao" }), true);
  assert.strictEqual(p.applies(fugaoOnly, { level: "zhongji" }), false);
  assert.strictEqual(p.applies(fugaoOnly, {}), true);
  assert.strictEqual(p.applies({ levels: ["zhongji", "chuji"], employer: ["企业"] }, { level: "chuji", employer: ["事业单位"] }), false);
  // The level travels in the address like every other answer.
  assert.deepStrictEqual(p.fromQuery("?level=fugao"), { level: "fugao" });
  assert.strictEqual(p.toQuery("", { level: "zhongji", first: "是" }), "?level=zhongji&first=%E6%98%AF");
});

test("an exemption of some levels' rules holds only for an applicant who chose one of them", () => {
  const groups = [{ who: "民营企业初次申报人员", conditions: { employer: ["民营企业"], first: true }, levels: ["zhongji", "chuji"] }];
  const applicant = { employer: ["民营企业"], first: "是" };
  assert.strictEqual(p.notRequiredGroup(groups, applicant), null);
  assert.strictEqual(p.notRequiredGroup(groups, Object.assign({ level: "fugao" }, applicant)), null);
  assert.strictEqual(p.notRequiredGroup(groups, Object.assign({ level: "chuji" }, applicant)), groups[0]);
});
