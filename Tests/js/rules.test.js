// The shared rule vectors (Tests/Vectors/rules.json) against the browser code. swift test runs the
// same file against the Swift engine, so the two cannot drift apart.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");
const rules = require(path.join(__dirname, "../../themes/default/assets/rules.js"));
const { windowStatus } = require(path.join(__dirname, "../../themes/default/assets/status.js"));

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "../Vectors/rules.json"), "utf8"));

test("the vector file holds at least 40 cases and covers every notice", () => {
  const count = ["ce", "service", "skilled", "deadline", "fee"].reduce((n, k) => n + vectors[k].length, 0);
  assert.ok(count >= 40, `only ${count} cases`);
  for (const notice of Object.keys(vectors.rules)) {
    assert.ok(vectors.ce.some((c) => c.rule === notice), `no case for ${notice}`);
  }
});

for (const c of vectors.ce) {
  test(`continuing education: ${c.name}`, () => {
    assert.deepStrictEqual(rules.evaluateCE(vectors.rules[c.rule], c.input), c.expected);
  });
}

for (const c of vectors.service) {
  test(`years of service: ${c.name}`, () => {
    assert.deepStrictEqual(rules.serviceLength(c.from, c.to), c.expected);
  });
}

for (const c of vectors.skilled) {
  test(`skilled-worker track: ${c.name}`, () => {
    assert.deepStrictEqual(rules.skilledTrack(vectors.skilledSteps, c.qualification, c.obtained, c.asOf), c.expected);
  });
}

for (const c of vectors.deadline) {
  test(`deadline: ${c.name}`, () => {
    assert.deepStrictEqual(windowStatus(c.start, c.end, Date.parse(c.now)), c.expected);
  });
}

for (const c of vectors.fee) {
  test(`fee: ${c.name}`, () => {
    assert.strictEqual(rules.fee(vectors.fees[c.notice], c.level), c.expected);
  });
}
