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

test("a query becomes Han runs and words, loaded by their bigrams, pinyin keys and initials keys", () => {
  const query = s.plan("继续教育 jxjy 0991", ["ji", "xu", "jiao", "yu"]);
  assert.strictEqual(query.units.length, 3);
  assert.deepStrictEqual(query.units[0], { han: "继续教育" });
  assert.deepStrictEqual(query.units[1].reading, { word: "jxjy", syllables: null, initials: true });
  assert.deepStrictEqual(s.firstRoundKeys(query), ["继续", "续教", "教育", "jxjy", "i:jx", "i:xj", "i:jy", "0991"]);
  const pinyin = s.plan("jixujiaoyu", ["ji", "xu", "jiao", "yu"]);
  assert.deepStrictEqual(pinyin.units[0].reading.syllables, ["ji", "xu", "jiao", "yu"]);
  // A word that reads as pinyin is not also tried as initials: each initials key costs a file.
  assert.deepStrictEqual(s.firstRoundKeys(pinyin), ["jixujiaoyu", "p:jixu", "p:xujiao", "p:jiaoyu"]);
});

test("bigram groups chain into the Han strings they spell", () => {
  assert.deepStrictEqual(s.chain([["继续", "机械"], ["续教", "械加"], ["教育", "加工"]], 10), ["继续教育", "机械加工"]);
  assert.deepStrictEqual(s.chain([["水利", "税率"]], 10), ["水利", "税率"]);
  assert.deepStrictEqual(s.chain([["继续"], ["加工"]], 10), []);
});

test("postings decode from deltas with title flag and frequency, notice by notice", () => {
  assert.deepStrictEqual(s.decodePostings([3, 8 + 2, 16 * 5 + 1], 1024), { df: 3, truncated: true, size: 2,
    docs: new Map([[0, { score: 13, title: true, tf: 2 }], [5, { score: 2, title: false, tf: 1 }]]) });
  // −n: n notices on, places counted from 0 again.
  assert.deepStrictEqual([...s.decodePostings([3, 16 * 7 + 1, -2, 16 * 3 + 9, 16 * 1 + 1], 1024).docs.keys()], [7, 2048 + 3, 2048 + 4]);
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
  const meta = { shards: 1, stride: 1024 };
  globalThis.NBSearch._shards = { 0: { "评审": [5000, 16 * 1 + 1, 16 * 1 + 1], "审费": [2, 16 * 1 + 1, 16 * 1 + 1], "水利": [1, 1] } };
  const common = s.evaluate(s.plan("评审费", []), meta);
  assert.strictEqual(common.approximate, true);
  assert.deepStrictEqual([...common.docs.keys()], [1, 2]);
  const rare = s.evaluate(s.plan("水利", []), meta);
  assert.strictEqual(rare.approximate, false);
  assert.deepStrictEqual([...rare.docs.keys()], [0]);
});

/* ---------- phrases: a small index built here, as SearchIndexBuilder writes one ---------- */

// Readings for the characters of the corpus below (the index's p: keys come from ICU).
const READINGS = { 水: "shui", 利: "li", 高: "gao", 级: "ji", 工: "gong", 程: "cheng", 师: "shi", 评: "ping", 审: "shen",
  费: "fei", 煤: "mei", 炭: "tan", 职: "zhi", 称: "cheng", 申: "shen", 报: "bao", 电: "dian", 话: "hua", 元: "yuan",
  咨: "zi", 询: "xun", 继: "ji", 续: "xu", 教: "jiao", 育: "yu", 学: "xue", 时: "shi", 税: "shui" };
const SYLLABLES = [...new Set(Object.values(READINGS))];

/* Postings [[id, title, tf]] as the index writes them: −n moves n notices on (1024 ids to a notice
   here), then (place − previous place) × 16 + title + tf. */
function encodePostings(list) {
  const out = [];
  let notice = 0, place = 0;
  for (const [id, title, tf] of list) {
    if (id >> 10 !== notice) { out.push(-((id >> 10) - notice)); notice = id >> 10; place = 0; }
    out.push(((id & 1023) - place) * 16 + title + tf);
    place = id & 1023;
  }
  return out;
}

/* Shard 0 of a one-shard index over documents [{title, text}] numbered from 0 (notice = id >> 10),
   with postings, u:, p: and i: keys as the index writes them, and meta. */
function buildIndex(documents, extra = {}) {
  const shard = {};
  const postings = {};
  documents.forEach((doc, id) => {
    const titleTerms = s.terms(doc.title || "");
    const counts = { ...titleTerms };
    for (const [term, n] of Object.entries(s.terms(doc.text || ""))) counts[term] = (counts[term] || 0) + n;
    for (const [term, n] of Object.entries(counts)) {
      (postings[term] = postings[term] || []).push([doc.id ?? id, titleTerms[term] ? 8 : 0, Math.min(n, 7)]);
    }
  });
  const alternatives = {};
  const add = (key, value) => { const list = (alternatives[key] = alternatives[key] || []); if (!list.includes(value)) list.push(value); };
  for (const [term, list] of Object.entries(postings)) {
    list.sort((a, b) => a[0] - b[0]);
    shard[term] = [list.length].concat(encodePostings(list));
    const chars = Array.from(term);
    if (!chars.every((c) => READINGS[c])) continue;
    if (chars.length === 1) { add("p:" + READINGS[chars[0]], term); continue; }
    chars.forEach((c) => { add("u:" + c, term); add("p:" + READINGS[c], c); });
    add("p:" + READINGS[chars[0]] + READINGS[chars[1]], term);
    add("i:" + READINGS[chars[0]][0] + READINGS[chars[1]][0], term);
  }
  Object.assign(shard, alternatives);
  const notices = new Set(documents.map((d, id) => (d.id ?? id) >> 10)).size;
  globalThis.NBSearch._shards = { 0: shard };
  return { shards: 1, stride: 1024, syllables: SYLLABLES, documents: documents.length, notices, ...extra };
}

function search(text, meta, segmenter = null) {
  return s.searchLoaded(text, meta, segmenter);
}

// A word breaker as the browser's gives it, for the words of the corpus.
const WORDS = ["水利", "高级", "工程", "评审", "煤炭", "职称", "申报", "电话", "咨询", "继续", "教育", "学时"];
const breaker = {
  segment(text) {
    const out = [];
    for (let i = 0; i < text.length;) {
      const word = WORDS.find((w) => text.startsWith(w, i)) || text[i];
      out.push({ segment: word });
      i += word.length;
    }
    return out;
  }
};

const CORPUS = [
  { title: "水利专业高级工程师评审", text: "水利：高级工程师评审费500元" }, // 0: every word, none across 利高
  { title: "煤炭专业", text: "煤炭工程师评审费700元，高级职称" },            // 1: 高级 and 工程师 apart
  { title: "申报", text: "水利专业申报，高级工程师" },                      // 2: 水利 and 高级工程师 apart
  { title: "评审费", text: "评审费按规定缴纳" },                            // 3: 评审费 alone, in its title
  { title: "税利", text: "税利" },                                         // 4: another spelling of shuili
];

test("a Han phrase that occurs nowhere whole finds the documents holding its words, the most first", () => {
  const meta = buildIndex(CORPUS);
  // 利高 is in no document: the run 水利高级工程师 used to need it and found nothing.
  const ids = search("水利高级工程师", meta);
  assert.deepStrictEqual(ids.slice(0, 2), [0, 2]);
  assert.ok(ids.includes(1), "a document holding some of the words is found too, after");
  assert.deepStrictEqual(search("水利评审费", meta).slice(0, 1), [0]);
  assert.deepStrictEqual(search("煤炭工程师", meta)[0], 1);
});

test("a Han run breaks where the index has no bigram; lone characters join a neighbour", () => {
  const meta = buildIndex(CORPUS);
  const cut = (text, seg) => s.segmentHan(Array.from(text), meta, seg).words.map((w) => w.text);
  // The word breaker gives 高级/工程/师; 师 joins 工程. Without one, pairs: 高级/工程/师 as well.
  assert.deepStrictEqual(cut("水利高级工程师", breaker), ["水利", "高级", "工程师"]);
  assert.deepStrictEqual(cut("水利高级工程师", null), ["水利", "高级", "工程师"]);
  assert.deepStrictEqual(cut("水利评审费", breaker), ["水利", "评审费"]);
  const words = s.segmentHan(Array.from("水利高级工程师"), meta, breaker);
  assert.deepStrictEqual(words.boundaries.map((b) => b.bigram), ["级工"]);
  // Characters in no known bigram are missing, not searched.
  assert.deepStrictEqual(s.segmentHan(Array.from("量子水利"), meta, breaker).missing, ["量子"]);
  assert.deepStrictEqual(s.glueLoneCharacters(["评审", "费"], meta), ["评审费"]);
  assert.deepStrictEqual(s.glueLoneCharacters(["腾", "讯", "会议"], meta), ["腾讯", "会议"]);
});

test("a character that forms no known bigram with its neighbours is still a part of the query", () => {
  const meta = buildIndex(CORPUS);
  // 利费 is in no document: 水利费 is 水利 and 费, and 费 is reached through the bigrams that hold it.
  const cut = s.segmentHan(Array.from("水利费"), meta, breaker);
  assert.deepStrictEqual(cut.words.map((w) => w.text), ["水利"]);
  assert.deepStrictEqual(cut.lone, ["费"]);
  assert.deepStrictEqual(cut.missing, []);
  // The document with both comes first; one with 水利 alone after it.
  const ids = search("水利费", meta);
  assert.strictEqual(ids[0], 0);
  assert.ok(ids.includes(2));
});

test("the site's own short terms stay one word", () => {
  const meta = buildIndex(CORPUS.concat([{ title: "工程咨询", text: "工程咨询专业" }]), { vocabulary: [["工程咨询", "gongchengzixun"]] });
  const cut = s.segmentHan(Array.from("工程咨询高级"), meta, breaker).words.map((w) => w.text);
  assert.deepStrictEqual(cut, ["工程咨询", "高级"]);
});

test("words side by side rank above the same words apart; an exact phrase first", () => {
  const meta = buildIndex([
    { title: "一", text: "高级职称，工程师" },
    { title: "二", text: "高级工程师" },
  ]);
  assert.deepStrictEqual(search("高级工程师", meta, breaker), [1, 0]);
});

test("more of the query's parts beat fewer, and a part in the title beats one in the text", () => {
  const meta = buildIndex([
    { title: "评审费", text: "评审费评审费评审费" },      // one part, in its title, often
    { title: "其他", text: "水利 评审费" },               // both parts
    { title: "水利", text: "其他" },                     // one part, in its title
    { title: "其他", text: "水利" },                     // one part, in its text
  ]);
  const ids = search("水利评审费", meta, breaker);
  assert.strictEqual(ids[0], 1);
  assert.ok(ids.indexOf(2) < ids.indexOf(3));
});

test("a part found in few notices weighs more than one found in every notice", () => {
  // Notice 0 has 工程咨询 and 继续教育; notice 1 has 继续教育 beside 学时, and 学时 is in both notices.
  const meta = buildIndex([
    { id: 0, title: "工程咨询", text: "工程咨询 继续教育" },
    { id: 1, title: "学时", text: "学时" },
    { id: 1024, title: "继续教育", text: "继续教育学时" },
  ]);
  assert.strictEqual(search("工程咨询继续教育学时", meta, breaker)[0], 0);
});

test("joined pinyin breaks where no bigram continues, and each piece is a part", () => {
  const meta = buildIndex(CORPUS);
  assert.deepStrictEqual(s.segmentPinyin("shuiligaoji", SYLLABLES), ["shui", "li", "gao", "ji"]);
  const pieces = s.pinyinPieces(["shui", "li", "gao", "ji"], meta).map((p) => [p.from, p.to]);
  assert.deepStrictEqual(pieces, [[0, 1], [2, 3]]);
  const resolved = s.resolve(s.plan("shuiligaoji", SYLLABLES), meta, null);
  assert.deepStrictEqual(resolved.parts.map((p) => p.alternatives), [["水利", "税利"], ["高级"]]);
  assert.deepStrictEqual(search("shuiligaoji", meta).slice(0, 2), [0, 2]);
  assert.strictEqual(search("meitanpingshenfei", meta)[0], 1);
});

test("a long pinyin piece is cut into words as the same characters typed would be", () => {
  const meta = buildIndex(CORPUS);
  const resolved = s.resolve(s.plan("gaojigongchengshi", SYLLABLES), meta, null);
  assert.deepStrictEqual(resolved.parts.map((p) => p.alternatives), [["高级工程师"]]);
  // Once its spellings are loaded (here they all are), as 高级工程师 would be: 高级, 工程师, side by side.
  const refined = s.refinePinyin(resolved, meta, breaker);
  assert.deepStrictEqual(refined.parts.map((p) => p.alternatives), [["高级"], ["工程师"]]);
  assert.deepStrictEqual(refined.boundaries.map((b) => [b.bigram, b.left, b.right]), [["级工", 0, 1]]);
  // So a document with 高级 and 工程师 apart is found, after the one with the phrase.
  assert.deepStrictEqual(search("gaojigongchengshi", meta, breaker).slice(0, 2), [0, 2]);
  assert.ok(search("gaojigongchengshi", meta, breaker).includes(1));
});

test("mixed input: characters and pinyin are parts of one query, and letters and digits split", () => {
  const meta = buildIndex(CORPUS);
  assert.deepStrictEqual(search("水利gaoji", meta).slice(0, 2), [0, 2]);
  const resolved = s.resolve(s.plan("meitan700yuan", SYLLABLES), meta, null);
  assert.deepStrictEqual(resolved.parts.map((p) => p.alternatives[0]), ["煤炭", "700", "元"]);
  assert.strictEqual(search("meitan700yuan", meta)[0], 1);
});

test("nothing is found only when no part matches; the parts that matched nothing are named", () => {
  const meta = buildIndex(CORPUS);
  const some = s.evaluate(s.plan("量子水利", SYLLABLES), meta, breaker);
  assert.ok(some.docs.size > 0);
  assert.deepStrictEqual(some.missing, ["量子"]);
  const none = s.evaluate(s.plan("量子", SYLLABLES), meta, breaker);
  assert.strictEqual(none.docs.size, 0);
  assert.deepStrictEqual(none.missing, ["量子"]);
});

test("suggestions: the closest site terms by characters, pinyin or initials, as queries to run", () => {
  const meta = { syllables: ["shui", "li", "mei", "tan", "ji", "xu", "jiao", "yu", "ce", "hui"],
    vocabulary: [["继续教育", "jixujiaoyu"], ["水利", "shuili"], ["测绘", "cehui"], ["煤炭", "meitan"], ["水利厅", "shuiliting"]] };
  assert.deepStrictEqual(s.suggestions("shuilli", ["shuilli"], meta, 5).map((x) => x.query), ["水利", "水利厅"]);
  assert.deepStrictEqual(s.suggestions("水力评审费", ["水力"], meta, 5).map((x) => x.query), ["水利评审费"]);
  assert.deepStrictEqual(s.suggestions("jxjyu", ["jxjyu"], meta, 5).map((x) => x.term), ["继续教育"]);
  assert.deepStrictEqual(s.suggestions("测会", ["测会"], meta, 5).map((x) => x.term), ["测绘"]);
  assert.deepStrictEqual(s.suggestions("量子纠缠", ["量子纠缠"], meta, 5), []);
  assert.strictEqual(s.editDistance("shuili", "shuilli"), 1);
});

test("a fragment's row gets its notice's title and address back", () => {
  const notice = ["2024年度通知", "2024/x/", "2024"];
  assert.deepStrictEqual(s.fullDocument(["", "#facts-title", "要点", "t"], notice), ["2024年度通知", "2024/x/#facts-title", "要点", "t"]);
  assert.deepStrictEqual(s.fullDocument(["› 15.继续教育", "#15继续教育", "通知", "t"], notice), ["2024年度通知 › 15.继续教育", "2024/x/#15继续教育", "通知", "t"]);
  assert.deepStrictEqual(s.fullDocument(["材料：证书", "checklist/fugao/#item-3", "材料", "t"], notice), ["材料：证书", "2024/x/checklist/fugao/#item-3", "材料", "t"]);
  assert.deepStrictEqual(s.fullDocument(["模板", "/series/x/", "模板", "t"], notice), ["模板", "series/x/", "模板", "t"]);
});

test("a result's heading does not repeat its kind or its notice", () => {
  assert.deepStrictEqual(s.resultHeading("继续教育与申报条件计算器", "计算器", "通知甲"), { title: "继续教育与申报条件计算器", kind: "", notice: "通知甲" });
  assert.deepStrictEqual(s.resultHeading("材料：上传身份证", "材料", "通知甲"), { title: "上传身份证", kind: "材料", notice: "通知甲" });
  assert.deepStrictEqual(s.resultHeading("通知甲 › 3.费用", "通知", "通知甲"), { title: "3.费用", kind: "通知", notice: "通知甲" });
  assert.deepStrictEqual(s.resultHeading("通知甲", "要点", "通知甲"), { title: "通知甲", kind: "要点", notice: "" });
});

test("the status says how many results hold every word, and which words were found nowhere", () => {
  const base = { query: "q", total: 40, shown: 10, approximate: false, complete: 5, parts: 2, missing: [], suggested: false, browse: true };
  assert.strictEqual(s.statusText(base), "找到 40 条结果，显示最相关的 10 条。其中 5 条包含全部词语，排在前面。");
  assert.strictEqual(s.statusText({ ...base, complete: 0 }), "找到 40 条结果，显示最相关的 10 条。没有同时包含全部词语的内容，先列出包含最多的。");
  assert.strictEqual(s.statusText({ ...base, parts: 1, complete: 40, missing: ["量子"] }), "找到 40 条结果，显示最相关的 10 条。未找到“量子”，结果只按其余词语查找。");
  assert.strictEqual(s.statusText({ ...base, total: 0, suggested: true, browse: false }), "没有找到与“q”相关的内容。您要找的是不是：");
  assert.strictEqual(s.statusText({ ...base, total: 0, suggested: true }), "没有找到与“q”相关的内容，也可以按系列浏览（见下方）。您要找的是不是：");
  assert.strictEqual(s.statusText({ ...base, total: 0 }), "没有找到与“q”相关的内容。可以换个说法（例如用汉字或拼音首字母），或按系列浏览：");
  assert.strictEqual(s.statusText({ ...base, parts: 1, complete: 40, missing: ["的"] }), "找到 40 条结果，显示最相关的 10 条。");
});

test("the passage shows where most of the query's words are, and words side by side are one mark", () => {
  const text = "水利厅负责。" + "其他内容。".repeat(20) + "高级工程师评审费500元，水利专业。";
  const cut = s.snippet(text, ["水利", "高级", "工程师", "评审费"], 40);
  const marked = cut.pieces.filter((p) => p[1]).map((p) => p[0]);
  assert.deepStrictEqual(marked, ["高级工程师评审费", "水利"]);
  assert.strictEqual(cut.before, true);
});

test("query cost: a phrase loads its bigrams, and pinyin pieces share a bounded number of spellings", () => {
  const query = s.plan("水利高级工程师评审费", SYLLABLES);
  assert.strictEqual(s.firstRoundKeys(query).length, 9);   // one key a bigram, boundaries included
  const meta = buildIndex(CORPUS);
  const resolved = s.resolve(s.plan("shuiligaojigongchengshi", SYLLABLES), meta, null);
  const spellings = resolved.parts.reduce((n, p) => n + p.alternatives.length, 0);
  assert.ok(spellings <= 12, `${spellings} spellings`);
  // A lone character among other words reaches only its most common bigrams.
  assert.strictEqual(s.resolve(s.plan("700元", SYLLABLES), meta, null).charLimit, 8);
  assert.strictEqual(s.resolve(s.plan("元", SYLLABLES), meta, null).charLimit, 40);
});

/* ---------- packed index files ---------- */

const zlib = require("node:zlib");

test("inflate reads what zlib deflates: stored, fixed and dynamic blocks, text and random bytes", () => {
  const source = fs.readFileSync(path.join(__dirname, "../../themes/default/assets/search.js"));
  const inputs = [Buffer.alloc(0), Buffer.from("a"), source, Buffer.from("继续教育学时".repeat(3000)),
    Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919 + (i >> 3)) & 255))];
  for (const input of inputs) {
    for (const options of [{ level: 0 }, { level: 1 }, { level: 6 }, { level: 9, strategy: zlib.constants.Z_FIXED }, { level: 9, strategy: zlib.constants.Z_HUFFMAN_ONLY }]) {
      const out = Buffer.from(s.inflate(new Uint8Array(zlib.deflateRawSync(input, options))));
      assert.ok(out.equals(input), `${input.length} bytes, ${JSON.stringify(options)}`);
    }
  }
});

/* Base 85 as SearchIndexBuilder.base85 writes it: digits '(' to '~' without '<' and backslash. */
const DIGITS = [];
for (let code = 0x28; code <= 0x7E; code++) if (code !== 0x3C && code !== 0x5C) DIGITS.push(String.fromCharCode(code));
function base85(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 4) {
    const count = Math.min(4, bytes.length - i);
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (k < count ? bytes[i + k] : 0);
    const group = [];
    for (let k = 0; k < 5; k++) { group.unshift(DIGITS[value % 85]); value = Math.floor(value / 85); }
    out += group.slice(0, count + 1).join("");
  }
  return out;
}

test("base 85: four bytes in five digits, a short last group in one more digit than bytes", () => {
  assert.strictEqual(DIGITS.length, 85);
  for (let count = 0; count < 10; count++) {
    const bytes = Uint8Array.from({ length: count }, (_, i) => (i * 97 + 255) & 255);
    assert.deepStrictEqual(s.fromBase85(base85(bytes)), bytes);
  }
  assert.deepStrictEqual(s.fromBase85(base85([255, 255, 255, 255, 255])), Uint8Array.from([255, 255, 255, 255, 255]));
});

test("a packed file is base 85 of deflated JSON, UTF-8 or UTF-16; data built in a test passes as it is", () => {
  const data = { "评审": [2, 17, -1, 33], "u:评": ["评审"], "𠀀": "ＱＱ群" };
  const json = JSON.stringify(data);
  assert.deepStrictEqual(s.unpack(base85(zlib.deflateRawSync(Buffer.from(json, "utf8"))), false), data);
  assert.deepStrictEqual(s.unpack(base85(zlib.deflateRawSync(Buffer.from(json, "utf16le"))), true), data);
  assert.strictEqual(s.unpack(data), data);
});
