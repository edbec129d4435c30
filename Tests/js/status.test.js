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

test("each step says what it is: a review or payment period is not 正在申报", () => {
  const now = Date.parse("2024-08-20T12:00:00+08:00");
  const review = windowStatus("2024-08-01T00:00:00+08:00", "2024-09-10T23:59:59+08:00", now, "review");
  assert.strictEqual(review.text, "审核中，距结束还有 21 天 11 小时");
  const payment = windowStatus(null, "2024-09-15T23:59:59+08:00", now, "payment");
  assert.strictEqual(payment.text, "距截止还有 26 天 11 小时");
  assert.ok(!/申报/.test(payment.text));
  const paper = windowStatus("2024-08-15T00:00:00+08:00", "2024-09-25T23:59:59+08:00", now, "paper");
  assert.match(paper.text, /^材料报送中，距截止还有/);
  assert.strictEqual(windowStatus("2024-08-01T00:00:00+08:00", "2024-08-10T00:00:00+08:00", now, "review").text, "已结束");
  assert.strictEqual(windowStatus(null, "2024-08-10T00:00:00+08:00", now, "payment").text, "已截止");
  // Without a kind, as on pages written before kinds were passed: the application window.
  assert.match(windowStatus(null, "2024-09-10T00:00:00+08:00", now).text, /^正在申报/);
});
