// The checklist's filter, address and export logic, as the page runs it.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const c = require(path.join(__dirname, "../../themes/default/assets/checklist.js"));

test("an item without conditions applies to everyone", () => {
  assert.strictEqual(c.applies({}, { employer: "事业单位", fanghuiju: "否" }), true);
});

test("employer conditions: a private company counts as a company", () => {
  const social = { employer: ["民营企业"] };
  assert.strictEqual(c.applies(social, { employer: "民营企业" }), true);
  assert.strictEqual(c.applies(social, { employer: "事业单位" }), false);
  assert.strictEqual(c.applies({ employer: ["企业"] }, { employer: "民营企业" }), true);
  assert.strictEqual(c.applies({ employer: ["民营企业"] }, { employer: "企业" }), false);
});

test("an unanswered question hides nothing", () => {
  assert.strictEqual(c.applies({ employer: ["事业单位"], fanghuiju: true, title: "外省" }, {}), true);
});

test("yes/no conditions follow the answer", () => {
  assert.strictEqual(c.applies({ fanghuiju: true }, { fanghuiju: "是" }), true);
  assert.strictEqual(c.applies({ fanghuiju: true }, { fanghuiju: "否" }), false);
  assert.strictEqual(c.applies({ first: false }, { first: "是" }), false);
});

test("where the title was obtained, and the sub-specialty", () => {
  assert.strictEqual(c.applies({ title: "外省" }, { title: "新疆" }), false);
  assert.strictEqual(c.applies({ title: "外省" }, { title: "外省" }), true);
  assert.strictEqual(c.applies({ sub: ["工程建设"] }, { sub: "生产运行与管理" }), false);
});

test("the profile travels in the address and keeps other parameters", () => {
  const query = c.queryWithProfile("?now=2024-08-01&employer=x", { employer: "民营企业", fanghuiju: "是", title: "" });
  assert.strictEqual(query, "?now=2024-08-01&employer=%E6%B0%91%E8%90%A5%E4%BC%81%E4%B8%9A&fanghuiju=%E6%98%AF");
  assert.deepStrictEqual(c.profileFromQuery(query), { employer: "民营企业", fanghuiju: "是" });
  assert.strictEqual(c.profileFromQuery("?now=2024-08-01"), null);
  // An address that names a field but leaves it empty clears the filter.
  assert.deepStrictEqual(c.profileFromQuery("?bogus=1&employer="), {});
});

test("export then import restores ticks and profile", () => {
  const state = { ticks: { "id-card": true, photo: true, removed: false }, profile: { employer: "事业单位" } };
  const text = c.exportText("2024-meitan-aksu", state);
  const back = c.importText(text, "2024-meitan-aksu");
  assert.strictEqual(back.ok, true);
  assert.deepStrictEqual(back.state, { ticks: { "id-card": true, photo: true }, profile: { employer: "事业单位" } });
});

test("a file from another notice or not a progress file is refused with a reason", () => {
  const text = c.exportText("2023-guotu-cehui-dizhi", { ticks: { a: true }, profile: {} });
  const other = c.importText(text, "2024-meitan-aksu");
  assert.strictEqual(other.ok, false);
  assert.match(other.message, /另一份通知（2023-guotu-cehui-dizhi）/);
  assert.strictEqual(c.importText("not json", "x").ok, false);
  assert.strictEqual(c.importText("{\"format\":\"other\"}", "x").ok, false);
});

test("ticks are kept per notice, so a new year's notice starts empty", () => {
  assert.notStrictEqual(c.storageKey("2024-meitan-aksu"), c.storageKey("2025-meitan-aksu"));
});

test("section status in the task-list pattern", () => {
  assert.deepStrictEqual(c.sectionStatus(3, 0), { text: "未开始", state: "todo" });
  assert.deepStrictEqual(c.sectionStatus(3, 1), { text: "进行中", state: "progress" });
  assert.deepStrictEqual(c.sectionStatus(3, 3), { text: "已完成", state: "done" });
});
