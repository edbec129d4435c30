// The search engine in the browser: tokenizer parity with Swift, pinyin splitting, ranking, snippets.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const fs = require("node:fs");
global.window = undefined;
const s = require(path.join(__dirname, "../../themes/default/assets/search.js"));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "../Vectors/tokenize.json"), "utf8"));

for (const c of vectors.tokenize) {
  test(`tokenize: ${JSON.stringify(c.text)}`, () => {
    assert.deepStrictEqual(s.runs(c.text), c.runs);
    assert.deepStrictEqual(s.terms(c.text), c.terms);
  });
}

for (const c of vectors.segment) {
  test(`pinyin split: ${c.word}`, () => assert.deepStrictEqual(s.segmentPinyin(c.word, c.syllables), c.expected));
}

for (const c of vectors.fnv1a) {
  test(`shard hash: ${JSON.stringify(c.text)}`, () => assert.strictEqual(s.fnv1a(c.text), c.hash));
}

test("a query becomes Han strings, words, pinyin keys and initials keys", () => {
  const parts = s.plan("继续教育 jxjy 0991", ["ji", "xu", "jiao", "yu"]);
  assert.strictEqual(parts.length, 3);
  assert.deepStrictEqual(parts[0].readings, [{ han: ["继续教育"] }]);
  assert.deepStrictEqual(parts[1].readings, [{ words: ["jxjy"] }, { initials: ["i:jx", "i:xj", "i:jy"] }]);
  assert.deepStrictEqual(parts[2].readings, [{ words: ["0991"] }]);
  const pinyin = s.plan("jixujiaoyu", ["ji", "xu", "jiao", "yu"]);
  assert.deepStrictEqual(pinyin[0].readings[1], { pinyin: ["p:jixu", "p:xujiao", "p:jiaoyu"], syllables: 4 });
});

test("bigram groups chain into the Han strings they spell", () => {
  assert.deepStrictEqual(s.chain([["继续", "机械"], ["续教", "械加"], ["教育", "加工"]], 10), ["继续教育", "机械加工"]);
  assert.deepStrictEqual(s.chain([["水利", "税率"]], 10), ["水利", "税率"]);
  assert.deepStrictEqual(s.chain([["继续"], ["加工"]], 10), []);
});

test("postings decode from deltas with title flag and frequency", () => {
  assert.deepStrictEqual(s.decodePostings([3, 8 + 2, 16 * 5 + 1]), { df: 3, truncated: true, size: 2, docs: { 0: { title: true, tf: 2 }, 5: { title: false, tf: 1 } } });
});

test("ranking: score first, then newer; no notice floods the first places", () => {
  const docs = { 0: 9, 1: 8, 2: 7, 3: 6, 1024: 5, 2048: 5 };
  const ranked = s.rank(docs, 1024, 3, 5);
  assert.deepStrictEqual(ranked.ids, [0, 1, 2, 1024, 2048]);
  assert.deepStrictEqual(ranked.hiddenPerNotice, { 0: 1 });
  assert.strictEqual(ranked.total, 6);
  // With room to spare, a single notice's results are all shown.
  assert.deepStrictEqual(s.rank({ 0: 3, 1: 2, 2: 1, 3: 1 }, 1024, 3, 20).ids, [0, 1, 2, 3]);
});

test("the snippet centres on the first match and marks every match", () => {
  const cut = s.snippet("申报人按规定每年须完成不少于90学时的继续教育学习（专业课不少于60学时）", ["继续教育", "60"], 60);
  const marked = cut.pieces.filter((p) => p[1]).map((p) => p[0]);
  assert.deepStrictEqual(marked, ["继续教育", "60"]);
  assert.strictEqual(cut.before, false);
});

test("a count built on postings the index cut short is said to be a floor", () => {
  const meta = { shards: 1 };
  globalThis.NBSearch._shards = { 0: { "评审": [5000, 16 * 1 + 1, 16 * 1 + 1], "审费": [2, 16 * 1 + 1, 16 * 1 + 1], "水利": [1, 1] } };
  const common = s.evaluate(s.plan("评审费", []), meta);
  assert.strictEqual(common.approximate, true);
  assert.deepStrictEqual(Object.keys(common.docs).map(Number), [1, 2]);
  const rare = s.evaluate(s.plan("水利", []), meta);
  assert.strictEqual(rare.approximate, false);
  assert.deepStrictEqual(Object.keys(rare.docs), ["0"]);
});
