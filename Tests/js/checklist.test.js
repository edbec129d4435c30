// The checklist's filter, address and export logic, as the page runs it.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const c = require(path.join(__dirname, "../../themes/default/assets/checklist.js"));

test("a continuing-education material is not listed for those the notice does not require it of", () => {
  // 2024 煤炭: 民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求.
  const groups = [{ who: "民营企业专业技术人员初次参加职称评审", conditions: { employer: ["民营企业"], first: true } }];
  assert.strictEqual(c.itemApplies({}, true, groups, { employer: ["民营企业"], first: "是" }), false);
  assert.strictEqual(c.itemApplies({}, true, groups, { employer: ["民营企业"], first: "否" }), true);
  // Not answered yet: nothing is hidden on a guess.
  assert.strictEqual(c.itemApplies({}, true, groups, { employer: ["民营企业"] }), true);
  // Materials of other sections stay.
  assert.strictEqual(c.itemApplies({}, false, groups, { employer: ["民营企业"], first: "是" }), true);
});

test("ticks are one set per notice; a save from when each level had its own list loses nothing", () => {
  const saved = c.withTicks({ "id-card": true, photo: true });
  assert.deepStrictEqual(c.ticksOf(saved, "zhongji"), { "id-card": true, photo: true });
  assert.deepStrictEqual(c.ticksOf(JSON.parse(JSON.stringify(saved)), null), { "id-card": true, photo: true });
  // Older saves, per level: the chosen level's own ticks, or every level's when none is chosen
  // (or the chosen one had none).
  const perLevel = { levels: { fugao: { "id-card": true, papers: true }, zhongji: { photo: true } } };
  assert.deepStrictEqual(c.ticksOf(perLevel, "fugao"), { "id-card": true, papers: true });
  assert.deepStrictEqual(c.ticksOf(perLevel, null), { "id-card": true, papers: true, photo: true });
  assert.deepStrictEqual(c.ticksOf(perLevel, "chuji"), { "id-card": true, papers: true, photo: true });
  assert.deepStrictEqual(c.ticksOf(null, "fugao"), {});
});

test("export then import restores ticks and profile, level included", () => {
  const state = { ticks: { "id-card": true, photo: true, removed: false }, profile: { level: "fugao", employer: ["事业单位", "机关转任"] } };
  const text = c.exportText("2024-meitan-aksu", state);
  const back = c.importText(text, "2024-meitan-aksu");
  assert.strictEqual(back.ok, true);
  assert.deepStrictEqual(back.state, { ticks: { "id-card": true, photo: true }, profile: { level: "fugao", employer: ["事业单位", "机关转任"] } });
  // A file saved from one level's own list names its level beside the profile: it becomes the level chosen.
  const perLevel = c.importText(JSON.stringify({ format: "noticeboard-checklist", version: 2, notice: "x", level: "zhongji", ticks: ["a"], profile: { first: "是" } }), "x");
  assert.deepStrictEqual(perLevel.state, { ticks: { a: true }, profile: { level: "zhongji", first: "是" } });
  // A file saved before levels had their own ticks still reads.
  const older = c.importText(JSON.stringify({ format: "noticeboard-checklist", version: 1, notice: "x", ticks: ["a"], profile: { employer: "民营企业" } }), "x");
  assert.deepStrictEqual(older.state, { ticks: { a: true }, profile: { employer: ["民营企业"] } });
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

/* Stand-ins for the item markup <li id="item-ID" data-conditions="…"><label><input type="checkbox">… */
function fakeItem(id, attributes) {
  const list = { tagName: "UL", classList: { contains: (name) => name === "check-items" } };
  const item = { tagName: "LI", id: "item-" + id, parentNode: list, getAttribute: (name) => (attributes || {})[name] ?? null };
  const label = { tagName: "LABEL", parentNode: item };
  const box = { type: "checkbox", name: "", parentNode: label };
  return { item, box };
}

test("an item is named once, by its id, and ticks are kept under that name", () => {
  const { item, box } = fakeItem("id-card");
  assert.strictEqual(c.itemID(item), "id-card");
  assert.strictEqual(c.itemOfBox(box), item);
  // The profile form's boxes are named and are not items.
  assert.strictEqual(c.itemOfBox({ type: "checkbox", name: "employer", parentNode: { parentNode: item } }), null);
  assert.strictEqual(c.itemOfBox({ type: "text", name: "", parentNode: box.parentNode }), null);
});

test("an item with no conditions is for everyone; a broken attribute hides nothing", () => {
  assert.deepStrictEqual(c.conditionsOf(fakeItem("a").item), {});
  assert.deepStrictEqual(c.conditionsOf(fakeItem("b", { "data-conditions": "{\"employer\":[\"事业单位\"]}" }).item), { employer: ["事业单位"] });
  assert.deepStrictEqual(c.conditionsOf(fakeItem("c", { "data-conditions": "{oops" }).item), {});
  assert.strictEqual(c.itemApplies(c.conditionsOf(fakeItem("a").item), false, [], { employer: ["企业"] }), true);
});
