// The application-window status, as a reader in any time zone sees it.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { windowStatus } = require(path.join(__dirname, "../../themes/default/assets/status.js"));

const start = "2024-08-30T10:00:00+08:00";
const end = "2024-09-30T20:00:00+08:00";

test("before the window opens it counts down to the start", () => {
  const now = Date.parse("2024-08-28T09:00:00+08:00");
  assert.deepStrictEqual(windowStatus(start, end, now), { state: "upcoming", text: "尚未开始，距开始还有 2 天 1 小时" });
});

test("while open it counts down to the deadline in Beijing time", () => {
  // 19:30 in Beijing is 11:30 UTC: half an hour left whatever the device's zone.
  const now = Date.parse("2024-09-30T11:30:00Z");
  assert.deepStrictEqual(windowStatus(start, end, now), { state: "open", text: "正在申报，距截止还有 30 分钟" });
});

test("hours and minutes in the last day", () => {
  const now = Date.parse("2024-09-30T08:15:00+08:00");
  assert.strictEqual(windowStatus(start, end, now).text, "正在申报，距截止还有 11 小时 45 分钟");
});

test("the deadline minute itself is still open; one second later it is closed", () => {
  assert.strictEqual(windowStatus(start, end, Date.parse(end)).state, "open");
  assert.deepStrictEqual(windowStatus(start, end, Date.parse(end) + 1000), { state: "closed", text: "已截止" });
});

test("a window with only an end date", () => {
  const deadline = "2023-10-10T20:00:00+08:00";
  assert.strictEqual(windowStatus(null, deadline, Date.parse("2023-10-01T00:00:00+08:00")).state, "open");
  assert.strictEqual(windowStatus(null, deadline, Date.parse("2023-10-11T00:00:00+08:00")).state, "closed");
});
