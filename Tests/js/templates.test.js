// Working days for a 公示 of "at least 5 working days", with official holidays and make-up days.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const t = require(path.join(__dirname, "../../themes/default/assets/templates.js"));

const calendar = {
  years: [2024],
  holidays: ["2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16", "2024-02-17",
    "2024-06-10", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07"],
  workdays: ["2024-02-04", "2024-02-18", "2024-09-29", "2024-10-12"],
};

test("five plain weekdays", () => {
  assert.deepStrictEqual(t.addWorkingDays("2024-03-04", 5, calendar), { date: "2024-03-08" });
});

test("a weekend inside the period is skipped", () => {
  assert.deepStrictEqual(t.addWorkingDays("2024-03-06", 5, calendar), { date: "2024-03-12" });
});

test("a start on Saturday counts from Monday; a Monday holiday is skipped", () => {
  assert.deepStrictEqual(t.addWorkingDays("2024-06-08", 5, calendar), { date: "2024-06-17" });
});

test("the Spring Festival and its make-up Sunday", () => {
  // 2/8 Thu, 2/9 Fri, holidays 2/10–2/17, 2/18 Sunday is a working day, 2/19 Mon, 2/20 Tue.
  assert.deepStrictEqual(t.addWorkingDays("2024-02-08", 5, calendar), { date: "2024-02-20" });
});

test("National Day with the make-up Sunday before it", () => {
  // 9/26 Thu, 9/27 Fri, 9/29 Sunday worked, 9/30 Mon, then 10/1–10/7 off, 10/8 Tue.
  assert.deepStrictEqual(t.addWorkingDays("2024-09-26", 5, calendar), { date: "2024-10-08" });
});

test("a year the calendar does not hold is said, not guessed", () => {
  assert.deepStrictEqual(t.addWorkingDays("2031-03-03", 5, calendar), { error: "no-calendar", year: 2031 });
  assert.strictEqual(t.addWorkingDays("2024-02-30", 5, calendar), null);
});

test("days of a 公示, both ends included, and dates in Chinese", () => {
  assert.strictEqual(t.daysInclusive("2024-09-26", "2024-10-08"), 13);
  assert.strictEqual(t.daysInclusive("2024-10-08", "2024-09-26"), null);
  assert.strictEqual(t.chineseDate("2024-09-05"), "2024年9月5日");
});

test("identity numbers: 17 digits and a digit or X", () => {
  assert.strictEqual(t.validIdNumber("65010219850101123X"), true);
  assert.strictEqual(t.validIdNumber("6501021985010112"), false);
});

test("a 公示结果 is dated on the first working day after its 公示 ends", () => {
  assert.strictEqual(t.dayAfterPublicity("2024-10-08", calendar), "2024-10-09");
  // Ends on a Friday: the result is written on Monday.
  assert.strictEqual(t.dayAfterPublicity("2024-03-08", calendar), "2024-03-11");
  // Ends before National Day: the make-up Sunday 9/29 is a working day; 9/30 → 10/8.
  assert.strictEqual(t.dayAfterPublicity("2024-09-27", calendar), "2024-09-29");
  assert.strictEqual(t.dayAfterPublicity("2024-09-30", calendar), "2024-10-08");
  assert.strictEqual(t.dayAfterPublicity("", calendar), null);
});

test("each document keeps its own date; the 公示's does not date its result", () => {
  const gongshi = { template: "gongshi", kind: "公示" }, result = { template: "gongshi-jieguo", kind: "公示结果" };
  const pledge = { template: "chengnuo", kind: "承诺书" };
  const values = { name: "李明", start_date: "2024-09-26", end_date: "2024-10-08" };
  values[t.storedName("date", "gongshi")] = "2024-09-25";
  assert.strictEqual(t.shownValue("date", values, gongshi, calendar), "2024-09-25");
  assert.strictEqual(t.shownValue("date", values, result, calendar), "2024-10-09");
  assert.strictEqual(t.shownValue("date", values, pledge, calendar), "");
  assert.strictEqual(t.shownValue("name", values, result, calendar), "李明");
  // A date typed for the result wins; one emptied on purpose stays empty, to be written by hand.
  values[t.storedName("date", "gongshi-jieguo")] = "2024-10-12";
  assert.strictEqual(t.shownValue("date", values, result, calendar), "2024-10-12");
  values[t.storedName("date", "gongshi-jieguo")] = "";
  assert.strictEqual(t.shownValue("date", values, result, calendar), "");
  // Without the 公示's dates there is nothing to follow.
  assert.strictEqual(t.shownValue("date", { name: "李明" }, result, calendar), "");
});

test("a document is tightened only as far as it must be to fit one page", () => {
  const heights = { "": 1125, "fit-1": 994, "fit-2": 917, "fit-3": 815, "fit-4": 735 };
  assert.strictEqual(t.chooseFit((step) => heights[step], 850), "fit-3");
  assert.strictEqual(t.chooseFit(() => 600, 850), "");
  // Too long even at 14 pt: full size, over two pages.
  assert.strictEqual(t.chooseFit((step) => heights[step] * 2, 850), "");
  assert.ok(Math.abs(t.TEXT_BLOCK - 850.4) < 0.1);
});

test("the page's calendar writes runs of days off as intervals; they read back day by day", () => {
  const calendar = t.readCalendar({ holidays: ["2024-09-30/2024-10-07", "2024-12-31", "bad/2024-01-01"], workdays: ["2024-10-12"], years: [2024] });
  assert.deepStrictEqual(calendar.holidays, ["2024-09-30", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05",
    "2024-10-06", "2024-10-07", "2024-12-31", "bad/2024-01-01"]);
  assert.deepStrictEqual(calendar.workdays, ["2024-10-12"]);
  // A month's end and a leap day inside a run.
  assert.deepStrictEqual(t.readCalendar({ holidays: ["2024-02-28/2024-03-01"] }).holidays, ["2024-02-28", "2024-02-29", "2024-03-01"]);
  assert.strictEqual(t.isWorkingDay("2024-10-04", calendar), false);
  assert.strictEqual(t.isWorkingDay("2024-10-12", calendar), true);
});
