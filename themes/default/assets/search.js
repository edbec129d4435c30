/* Search that understands Chinese and pinyin, over the static index in search/ (see README,
   "Search"). Index files are classic scripts that call NBSearch.*, loaded on demand by script tags:
   no fetch, so search works from file://. Only the shards a query's terms hash to are loaded.
   The tokenizer must match SearchIndex/Tokenizer.swift; Tests/Vectors/tokenize.json holds both. */
(function (root) {
  "use strict";

  var NB = root.NBSearch = root.NBSearch || {};

  /* ---------- tokenizing, exactly as the index does ---------- */

  function isHan(code) {
    return (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) ||
      (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x20000 && code <= 0x2FA1F) || code === 0x3007;
  }

  function isLatin(code) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  }

  /* Runs of Han characters and of ASCII letters/digits: [{han: [chars]} | {latin: "word"}]. */
  function runs(text) {
    var normal = String(text).normalize("NFKC").toLowerCase();
    var out = [], han = [], latin = "";
    function flush() {
      if (han.length) { out.push({ han: han }); han = []; }
      if (latin) { out.push({ latin: latin }); latin = ""; }
    }
    for (var i = 0; i < normal.length; i++) {
      var code = normal.codePointAt(i);
      var ch = String.fromCodePoint(code);
      if (code > 0xFFFF) i++;
      if (isHan(code)) {
        if (latin) flush();
        han.push(ch);
      } else if (isLatin(code)) {
        if (han.length) flush();
        latin += ch;
      } else {
        flush();
      }
    }
    flush();
    return out;
  }

  /* Index terms with counts: Han bigrams (a character standing alone is a term of its own),
     Latin words. */
  function terms(text) {
    var counts = {};
    var list = runs(text);
    for (var r = 0; r < list.length; r++) {
      if (list[r].han) {
        var chars = list[r].han;
        if (chars.length === 1) counts[chars[0]] = (counts[chars[0]] || 0) + 1;
        for (var i = 0; i + 1 < chars.length; i++) {
          var bi = chars[i] + chars[i + 1];
          counts[bi] = (counts[bi] || 0) + 1;
        }
      } else {
        counts[list[r].latin] = (counts[list[r].latin] || 0) + 1;
      }
    }
    return counts;
  }

  /* The bigrams a Han string must contain. */
  function hanTerms(chars) {
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  /* What to load first for a Han string: its bigrams, or for one character the character as a
     term and its `u:` key (the bigrams that contain it). */
  function firstRoundTerms(text) {
    var chars = Array.from(text);
    return chars.length === 1 ? [chars[0], "u:" + chars[0]] : hanTerms(chars);
  }

  /* Han strings spelled by consecutive bigram groups that overlap by a character:
     [继续 …], [续教 …], [教育 …] → 继续教育. Single-character groups stand alone. */
  function chain(groups, limit) {
    var out = [];
    function extend(text, index) {
      if (out.length >= limit) return;
      if (index === groups.length) { out.push(text); return; }
      var options = groups[index];
      for (var i = 0; i < options.length && out.length < limit; i++) {
        var option = options[i];
        if (index === 0) extend(option, 1);
        else if (Array.from(option)[0] === Array.from(text).pop()) extend(text + Array.from(option).slice(1).join(""), index + 1);
      }
    }
    if (groups.length) extend("", 0);
    return out;
  }

  /* Typed pinyin split into known syllables ("jixujiaoyu" → ji xu jiao yu), or null. */
  function segmentPinyin(word, syllables) {
    var known = {};
    for (var s = 0; s < syllables.length; s++) known[syllables[s]] = true;
    var memo = {};
    function from(start) {
      if (start === word.length) return [];
      if (memo.hasOwnProperty(start)) return memo[start];
      memo[start] = null;
      for (var end = Math.min(word.length, start + 6); end > start; end--) {
        var piece = word.slice(start, end);
        if (!known[piece]) continue;
        var rest = from(end);
        if (rest) { memo[start] = [piece].concat(rest); break; }
      }
      return memo[start];
    }
    return /^[a-z]+$/.test(word) ? from(0) : null;
  }

  /* 32-bit FNV-1a of the UTF-8 bytes: which shard holds a term. */
  function fnv1a(text) {
    var hash = 0x811C9DC5;
    var bytes = utf8(text);
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  function utf8(text) {
    var bytes = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.codePointAt(i);
      if (code > 0xFFFF) i++;
      if (code < 0x80) bytes.push(code);
      else if (code < 0x800) bytes.push(0xC0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) bytes.push(0xE0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      else bytes.push(0xF0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    }
    return bytes;
  }

  /* ---------- packed index files ----------
     Shards and fragments are JSON, deflated (RFC 1951, raw) by the build and written in base 85:
     a third to a fifth of the bytes. Fragments, mostly Chinese, are deflated as UTF-16 (two bytes a
     character, which deflate packs tighter than UTF-8's three), shards as UTF-8. Each file is
     unpacked once, when a query first needs it. */

  /* Base 85 digits: '(' to '~' without '<' (no "</script>" in a handout) and backslash, so a
     packed file is a plain JavaScript string. Four bytes are five digits, most significant first;
     a last group of n bytes is its first n + 1 digits. */
  var DIGITS = (function () {
    var digits = [];
    for (var code = 0x28, digit = 0; code <= 0x7E; code++) if (code !== 0x3C && code !== 0x5C) digits[code] = digit++;
    return digits;
  })();

  function fromBase85(text) {
    var length = text.length, tail = length % 5;
    var out = new Uint8Array(Math.floor(length / 5) * 4 + (tail ? tail - 1 : 0)), at = 0;
    for (var i = 0; i < length; i += 5) {
      var value = 0;
      // A short last group is read as if padded with the highest digit, then cut.
      for (var k = 0; k < 5; k++) value = value * 85 + (i + k < length ? DIGITS[text.charCodeAt(i + k)] : 84);
      var bytes = Math.min(4, length - i - 1);
      for (k = 0; k < bytes; k++) out[at++] = Math.floor(value / Math.pow(256, 3 - k)) & 255;
    }
    return out;
  }

  var LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LENGTH_BITS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  var CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  /* A canonical Huffman code from its code lengths: how many codes of each length, and the
     symbols in code order. */
  function huffman(lengths) {
    var counts = new Uint16Array(16), offsets = new Uint16Array(16), symbols = new Uint16Array(lengths.length);
    for (var i = 0; i < lengths.length; i++) counts[lengths[i]]++;
    counts[0] = 0;
    for (var n = 1; n < 16; n++) offsets[n] = offsets[n - 1] + counts[n - 1];
    for (var s = 0; s < lengths.length; s++) if (lengths[s]) symbols[offsets[lengths[s]]++] = s;
    return { counts: counts, symbols: symbols };
  }

  var fixedCodes = null;
  /* Raw DEFLATE data (a Uint8Array) inflated to bytes. */
  function inflate(input) {
    var out = new Uint8Array(Math.max(1024, input.length * 4)), size = 0;
    var at = 0, bits = 0, count = 0;
    function bit() {
      if (!count) { bits = input[at++]; count = 8; }
      var b = bits & 1;
      bits >>= 1; count--;
      return b;
    }
    function read(n) {
      for (var v = 0, k = 0; k < n; k++) v |= bit() << k;
      return v;
    }
    function symbol(code) {
      // Codes are read a bit at a time, first bit first: `first` is the first code of this length.
      for (var value = 0, first = 0, index = 0, length = 1; length < 16; length++) {
        value |= bit();
        var n = code.counts[length];
        if (value - first < n) return code.symbols[index + value - first];
        index += n; first = (first + n) << 1; value <<= 1;
      }
      throw new Error("bad code");
    }
    function room(extra) {
      if (size + extra <= out.length) return;
      var bigger = new Uint8Array(Math.max(out.length * 2, size + extra));
      bigger.set(out.subarray(0, size));
      out = bigger;
    }
    for (var last = 0; !last;) {
      last = bit();
      var type = read(2);
      if (type === 0) {
        count = 0;
        var length = input[at] | input[at + 1] << 8;
        at += 4;
        room(length);
        out.set(input.subarray(at, at + length), size);
        size += length; at += length;
        continue;
      }
      var literals, distances;
      if (type === 1) {
        if (!fixedCodes) {
          var lengths = [];
          for (var i = 0; i < 288; i++) lengths.push(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
          var five = [];
          for (var d = 0; d < 30; d++) five.push(5);
          fixedCodes = [huffman(lengths), huffman(five)];
        }
        literals = fixedCodes[0]; distances = fixedCodes[1];
      } else {
        var literalCount = read(5) + 257, distanceCount = read(5) + 1, codeCount = read(4) + 4;
        var codeLengths = [];
        for (var c = 0; c < 19; c++) codeLengths.push(0);
        for (c = 0; c < codeCount; c++) codeLengths[CODE_LENGTH_ORDER[c]] = read(3);
        var lengthCode = huffman(codeLengths), all = [];
        while (all.length < literalCount + distanceCount) {
          var sym = symbol(lengthCode);
          if (sym < 16) { all.push(sym); continue; }
          var repeat = sym === 16 ? 3 + read(2) : sym === 17 ? 3 + read(3) : 11 + read(7);
          var value = sym === 16 ? all[all.length - 1] : 0;
          while (repeat--) all.push(value);
        }
        literals = huffman(all.slice(0, literalCount));
        distances = huffman(all.slice(literalCount));
      }
      for (;;) {
        var next = symbol(literals);
        if (next < 256) { room(1); out[size++] = next; continue; }
        if (next === 256) break;
        next -= 257;
        var run = LENGTH_BASE[next] + read(LENGTH_BITS[next]);
        var code = symbol(distances);
        var from = size - DISTANCE_BASE[code] - read(code < 4 ? 0 : (code >> 1) - 1);
        room(run);
        while (run--) out[size++] = out[from++];
      }
    }
    return out.subarray(0, size);
  }

  /* A packed file's data: base 85 of deflated JSON, in UTF-16 (`wide`) or UTF-8. Data that is
     not a string (the tests' indexes, built in the test) is returned as it is. */
  function unpack(data, wide) {
    if (typeof data !== "string") return data;
    return JSON.parse(new TextDecoder(wide ? "utf-16le" : "utf-8").decode(inflate(fromBase85(data))));
  }

  /* Set when a query used a term whose postings the index cut short: its count is then a floor. */
  var truncatedSeen = false;

  /* [df, …] → {df, truncated, size, docs: Map id → {score, title, tf}} (ids ascending); decoded
     once per list. After df, −n moves n notices on (the place within a notice starts again from 0),
     and v ≥ 0 is a document of the current notice: (place − previous place) × 16 + title × 8 +
     min(frequency, 7). Maps, not objects: ids are large and sparse, which objects keep as slow
     dictionaries. */
  var decoded = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  function decodePostings(list, stride) {
    var cached = decoded && decoded.get(list);
    if (cached) return cached;
    var docs = new Map(), notice = 0, place = 0;
    for (var i = 1; i < list.length; i++) {
      var value = list[i];
      if (value < 0) { notice -= value; place = 0; continue; }
      place += Math.floor(value / 16);
      docs.set(notice * stride + place, hit((value & 8) !== 0, value & 7));
    }
    var result = { df: list[0], truncated: list[0] > docs.size, size: docs.size, docs: docs };
    if (decoded) decoded.set(list, result);
    return result;
  }

  function used(postings) {
    if (postings.truncated) truncatedSeen = true;
    return postings;
  }

  /* ---------- the query plan ---------- */

  /* A query is read in three steps, each once the index files it needs are loaded (see run()):
     1. plan(): the units as typed, Han runs and Latin words; firstRoundKeys() are their bigrams,
        words and pinyin and initials keys.
     2. resolve(): each unit becomes parts, each part a few alternatives (Han strings or words) a
        document may hold: a Han run is cut into words, pinyin into the pieces whose syllables chain
        into Han bigrams. secondRoundKeys() loads those; refinePinyin() then cuts long pinyin pieces
        into words as Han text is cut, and thirdRoundKeys() loads what single characters need.
     3. evaluate(): documents are scored by the parts they hold, how close, and where. */
  function plan(query, syllables) {
    var units = [];
    var list = runs(query);
    for (var r = 0; r < list.length; r++) {
      if (list[r].han) { units.push({ han: list[r].han.join("") }); continue; }
      var word = list[r].latin;
      var pieces = word.match(/[a-z]+|[0-9]+/g);
      units.push({
        reading: readWord(word, syllables),
        // A word of letters and digits the index may not know: "meitan700yuan" is meitan, 700, yuan.
        pieces: pieces.length > 1 ? pieces.map(function (piece) { return readWord(piece, syllables); }) : null
      });
    }
    return { units: units };
  }

  /* How a Latin word may be read: as itself, as pinyin syllables, as initials. Initials are tried
     when the letters are no pinyin, or too short to tell (an, ge): each initials pair costs an index
     file, and a word that reads as pinyin is rarely meant as initials. */
  function readWord(word, syllables) {
    var letters = /^[a-z]+$/.test(word);
    var parsed = letters ? segmentPinyin(word, syllables) : null;
    return { word: word, syllables: parsed, initials: letters && word.length >= 2 && word.length <= 8 && (!parsed || word.length <= 3) };
  }

  function readingKeys(reading) {
    var keys = [reading.word];
    var syl = reading.syllables;
    if (syl && syl.length === 1) keys.push("p:" + syl[0]);
    for (var k = 0; syl && k + 1 < syl.length; k++) keys.push("p:" + syl[k] + syl[k + 1]);
    if (reading.initials) for (var c = 0; c + 1 < reading.word.length; c++) keys.push("i:" + reading.word.slice(c, c + 2));
    return keys;
  }

  /* What to load first: every bigram of a Han run (its words are found among them), a lone
     character and its `u:` key, each word and its pinyin and initials keys. */
  function firstRoundKeys(query) {
    var keys = [];
    query.units.forEach(function (unit) {
      if (unit.han !== undefined) { keys = keys.concat(firstRoundTerms(unit.han)); return; }
      keys = keys.concat(readingKeys(unit.reading));
      if (unit.pieces) unit.pieces.forEach(function (piece) { keys = keys.concat(readingKeys(piece)); });
    });
    return keys;
  }

  /* ---------- resolving the plan over the loaded keys ---------- */

  function lookup(term, meta) {
    var shard = shardData(fnv1a(term) % meta.shards);
    return shard ? shard[term] : undefined;
  }

  /* A loaded shard's terms, unpacked the first time they are asked for. */
  function shardData(n) {
    var shard = NB._shards[n];
    if (typeof shard === "string") shard = NB._shards[n] = unpack(shard, false);
    return shard;
  }

  function postingsOf(term, meta) {
    var raw = lookup(term, meta);
    return raw && typeof raw[0] === "number" ? raw : null;
  }

  function lookupList(key, meta) {
    var values = lookup(key, meta);
    return values && typeof values[0] === "string" ? values : [];
  }

  /* How many documents hold a bigram (0 when the index does not know it). */
  function documentCount(term, meta) {
    var raw = postingsOf(term, meta);
    return raw ? raw[0] : 0;
  }

  var defaultSegmenter;
  /* The browser's Chinese word breaker, where it has one (Intl.Segmenter with ICU's dictionary). */
  function wordBreaker() {
    if (defaultSegmenter === undefined) {
      try {
        defaultSegmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
      } catch (e) { defaultSegmenter = null; }
    }
    return defaultSegmenter;
  }

  function part(label, alternatives, kind) {
    return { label: label, alternatives: alternatives, kind: kind };
  }

  /* The plan's parts. `segmenter`: an Intl.Segmenter, or null to cut Han text by the index alone;
     left out, the browser's own is used when it has one. */
  function resolve(query, meta, segmenter) {
    if (segmenter === undefined) segmenter = wordBreaker();
    var out = { parts: [], boundaries: [], missing: [] };
    query.units.forEach(function (unit) {
      if (unit.han !== undefined) resolveHan(unit.han, meta, segmenter, out);
      else resolveWord(unit, meta, out);
    });
    // A lone character among other parts reaches only its most common bigrams: each costs an index
    // file, and beside other words it says little. Alone, it reaches all it can.
    out.charLimit = out.parts.length > 1 ? 8 : 40;
    return out;
  }

  function resolveHan(text, meta, segmenter, out) {
    var chars = Array.from(text);
    if (chars.length === 1) { out.parts.push(part(text, [text], "char")); return; }
    var cut = segmentHan(chars, meta, segmenter);
    var first = out.parts.length;
    cut.words.forEach(function (word) { out.parts.push(part(word.text, [word.text], "han")); });
    // A character between known words that forms no bigram with them (水利|费) still says
    // something: it is a part of its own, reached through the bigrams that hold it (评审费).
    cut.lone.forEach(function (c) { out.parts.push(part(c, [c], "char")); });
    cut.boundaries.forEach(function (b) { out.boundaries.push({ bigram: b.bigram, left: first + b.left, right: first + b.right }); });
    out.missing = out.missing.concat(cut.missing);
  }

  /* A Han run as words: {words: [{text, start}], boundaries: [{bigram, left, right}], missing, lone}.
     The run breaks wherever the index has no bigram (水利|高级: no document has 利高); what is left
     between breaks is cut into words (wordsOf); a single character that belongs to no known bigram
     of the run is lone (水利|费), and two or more such characters are missing. Neighbouring words within a piece keep the bigram between them: a document
     that has it has them side by side. */
  function segmentHan(chars, meta, segmenter) {
    var words = [], boundaries = [], missing = [], lone = [];
    var gap = "";
    function endGap() {
      if (Array.from(gap).length === 1) lone.push(gap); else if (gap) missing.push(gap);
      gap = "";
    }
    var i = 0;
    while (i < chars.length) {
      var end = i;
      while (end + 1 < chars.length && documentCount(chars[end] + chars[end + 1], meta) > 0) end++;
      if (end === i) { gap += chars[i]; i++; continue; }
      endGap();
      var pieceWords = wordsOf(chars.slice(i, end + 1), i, meta, segmenter);
      for (var w = 0; w < pieceWords.length; w++) {
        var previous = w > 0 ? pieceWords[w - 1] : null, word = pieceWords[w];
        if (previous && previous.start + Array.from(previous.text).length === word.start) {
          boundaries.push({ bigram: chars[word.start - 1] + chars[word.start], left: words.length - 1, right: words.length });
        }
        words.push(word);
      }
      i = end + 1;
    }
    endGap();
    return { words: words, boundaries: boundaries, missing: missing, lone: lone };
  }

  /* A stretch of characters whose every bigram the index knows, as words: the site's own short
     terms (meta.words: series, specialties, levels, sections… of up to four characters, the
     length of a Chinese word; longer ones are phrases) stay whole, longest first, so that 工程咨询
     is not read as 工程 and 咨询. The text between them is cut by the word breaker, or without one
     into pairs of characters (most Chinese words have two). */
  function wordsOf(chars, start, meta, segmenter) {
    var pieces = [];
    var known = vocabularySet(meta), stretch = "";
    function endStretch() {
      if (!stretch) return;
      pieces = pieces.concat(segmenter ? Array.from(segmenter.segment(stretch), function (s) { return s.segment; }) : pairs(stretch));
      stretch = "";
    }
    for (var i = 0; i < chars.length;) {
      var length = Math.min(known.longest, chars.length - i);
      while (length >= 2 && !known.terms[chars.slice(i, i + length).join("")]) length--;
      if (length >= 2) { endStretch(); pieces.push(chars.slice(i, i + length).join("")); i += length; }
      else { stretch += chars[i]; i++; }
    }
    endStretch();
    pieces = glueLoneCharacters(pieces, meta);
    var out = [], at = start;
    pieces.forEach(function (piece) {
      splitUntilHeld(Array.from(piece), at, meta, out);
      at += Array.from(piece).length;
    });
    return out;
  }

  function pairs(text) {
    var chars = Array.from(text), out = [];
    for (var i = 0; i < chars.length; i += 2) out.push(chars.slice(i, i + 2).join(""));
    return out;
  }

  var WORD_LENGTH = 4;
  var vocabularyCache = null;
  /* The vocabulary's terms of a word's length (meta.words), as a set, with the longest one's length. */
  function vocabularySet(meta) {
    if (vocabularyCache && vocabularyCache.meta === meta) return vocabularyCache;
    var terms = {}, longest = 0;
    (meta.words || (meta.vocabulary || []).map(function (entry) { return entry[0]; })).forEach(function (word) {
      var length = Array.from(word).length;
      if (length > WORD_LENGTH) return;
      terms[word] = true;
      longest = Math.max(longest, length);
    });
    vocabularyCache = { meta: meta, terms: terms, longest: longest };
    return vocabularyCache;
  }

  /* A word breaker leaves single characters (工程/师, 评审/费, 腾/讯); alone they would reach every
     bigram with them. Two side by side are one word it did not know; one joins the neighbour it
     forms the more common bigram with (every bigram here is known). */
  function glueLoneCharacters(pieces, meta) {
    var out = pieces.slice();
    function single(k) { return k >= 0 && k < out.length && Array.from(out[k]).length === 1; }
    for (;;) {
      var at = -1;
      for (var k = 0; k < out.length && at < 0; k++) if (single(k)) at = k;
      if (at < 0 || out.length === 1) return out;
      var join;
      if (single(at + 1)) join = at;
      else if (single(at - 1)) join = at - 1;
      else if (at === 0) join = 0;
      else if (at === out.length - 1) join = at - 1;
      else {
        var left = Array.from(out[at - 1]).pop() + out[at], right = out[at] + Array.from(out[at + 1])[0];
        join = documentCount(left, meta) >= documentCount(right, meta) ? at - 1 : at;
      }
      out.splice(join, 2, out[join] + out[join + 1]);
    }
  }

  /* Keeps a word whose bigrams some document holds together; otherwise cuts it where the bigram is
     rarest (nearest the middle on a tie), leaving two characters or more on each side, and tries
     the halves. Three characters that no document holds are read as their two bigrams. */
  function splitUntilHeld(chars, start, meta, out) {
    if (chars.length < 2) return;
    if (chars.length === 2 || matchHan(chars.join(""), meta, 0).size) {
      out.push({ text: chars.join(""), start: start });
      return;
    }
    if (chars.length === 3) {
      out.push({ text: chars[0] + chars[1], start: start }, { text: chars[1] + chars[2], start: start + 1 });
      return;
    }
    var at = 1, least = Infinity, middle = (chars.length - 2) / 2;
    for (var i = 1; i + 2 < chars.length; i++) {
      var count = documentCount(chars[i] + chars[i + 1], meta);
      if (count < least || (count === least && Math.abs(i - middle) < Math.abs(at - middle))) { least = count; at = i; }
    }
    splitUntilHeld(chars.slice(0, at + 1), start, meta, out);
    splitUntilHeld(chars.slice(at + 1), start + at + 1, meta, out);
  }

  /* A Latin word: one part when the index knows it, or its pinyin chains whole (jixujiaoyu), or it
     is initials (jxjy); a part per chained piece when its pinyin breaks (shuiligaoji → 水利, 高级);
     its letter and digit pieces when it mixes them and the index does not know it whole. */
  function resolveWord(unit, meta, out) {
    if (unit.pieces && !postingsOf(unit.reading.word, meta)) {
      unit.pieces.forEach(function (piece) { resolveReading(piece, meta, out); });
    } else {
      resolveReading(unit.reading, meta, out);
    }
  }

  function resolveReading(reading, meta, out) {
    var known = postingsOf(reading.word, meta) ? [reading.word] : [];
    var syl = reading.syllables;
    var pieces = syl && syl.length > 1 ? pinyinPieces(syl, meta) : [];
    var chained = pieces.filter(function (p) { return !p.stray; });
    if (chained.length && !(chained.length === 1 && pieces.length === 1)) {
      // Pinyin that breaks: each chained piece is a part; a syllable that chains with neither
      // neighbour is left out, as a lone Han character is. The pieces share twelve spellings (the
      // most widespread first), each of which costs index files to load.
      var limit = Math.max(2, Math.floor(12 / chained.length));
      pieces.forEach(function (piece) {
        var label = syl.slice(piece.from, piece.to + 1).join("");
        if (piece.stray) out.missing.push(label);
        else out.parts.push(pinyinPart(label, chain(piece.groups, limit), syl.slice(piece.from, piece.to + 1)));
      });
      return;
    }
    if (chained.length && !known.length && !reading.initials) {
      out.parts.push(pinyinPart(reading.word, chain(chained[0].groups, 12), syl));
      return;
    }
    var alternatives = known.slice(), kind = "word";
    if (chained.length) { alternatives = alternatives.concat(chain(chained[0].groups, 12)); kind = "pinyin"; }
    else if (syl && syl.length === 1) { alternatives = alternatives.concat(lookupList("p:" + syl[0], meta).slice(0, 5)); kind = "pinyin"; }
    if (reading.initials) {
      var groups = [];
      for (var c = 0; c + 1 < reading.word.length; c++) groups.push(lookupList("i:" + reading.word.slice(c, c + 2), meta));
      var initials = chain(groups, 8);
      if (initials.length && kind === "word") kind = "initials";
      alternatives = alternatives.concat(initials);
    }
    alternatives = alternatives.filter(function (a, k) { return alternatives.indexOf(a) === k; });
    if (alternatives.length) out.parts.push(part(reading.word, alternatives, kind));
    else out.missing.push(reading.word);
  }

  function pinyinPart(label, alternatives, syllables) {
    var result = part(label, alternatives, "pinyin");
    result.syllables = syllables;
    return result;
  }

  /* Once the Han strings a pinyin part spells are loaded: the part cut into words as Han text is
     (segmentHan's words of its first spelling that documents hold), each word a part whose
     alternatives are the same stretch of every spelling, with the bigrams between them kept for
     closeness. gaojigongchengshi is then 高级 and 工程师, as 高级工程师 typed would be, rather than one
     part that only the exact phrase holds. */
  function refinePinyin(resolved, meta, segmenter) {
    if (segmenter === undefined) segmenter = wordBreaker();
    var parts = [], boundaries = [], moved = {};
    resolved.parts.forEach(function (p, index) {
      var spelled = p.syllables && p.syllables.length > 2 ? firstHeld(p.alternatives, meta) : null;
      var words = spelled ? wordsOf(Array.from(spelled), 0, meta, segmenter) : [];
      if (words.length < 2) { moved[index] = parts.length; parts.push(p); return; }
      var first = parts.length;
      words.forEach(function (word, w) {
        var length = Array.from(word.text).length;
        var stretches = p.alternatives.map(function (a) { return Array.from(a).slice(word.start, word.start + length).join(""); });
        parts.push(pinyinPart(p.syllables.slice(word.start, word.start + length).join(""),
          stretches.filter(function (a, k) { return stretches.indexOf(a) === k; }), p.syllables.slice(word.start, word.start + length)));
        var previous = words[w - 1];
        if (previous && previous.start + Array.from(previous.text).length === word.start) {
          var chars = Array.from(spelled);
          boundaries.push({ bigram: chars[word.start - 1] + chars[word.start], left: first + w - 1, right: first + w });
        }
      });
    });
    resolved.boundaries.forEach(function (b) {
      if (moved[b.left] !== undefined && moved[b.right] !== undefined) boundaries.push({ bigram: b.bigram, left: moved[b.left], right: moved[b.right] });
    });
    return { parts: parts, boundaries: boundaries, missing: resolved.missing, charLimit: parts.length > 1 ? 8 : 40 };
  }

  /* The first of some Han strings that a document holds. */
  function firstHeld(strings, meta) {
    for (var i = 0; i < strings.length; i++) if (matchHan(strings[i], meta, 0).size) return strings[i];
    return null;
  }

  /* Syllables as pieces that chain into Han bigrams: [{from, to, groups}] or a stray syllable
     [{from, to, stray}]. Fewest pieces wins (a stray costs two), the longer first piece on a tie:
     shui li | gao ji, as no bigram read "ligao" continues 水利 into 高级. */
  function pinyinPieces(syllables, meta) {
    var groups = [];
    for (var k = 0; k + 1 < syllables.length; k++) groups.push(lookupList("p:" + syllables[k] + syllables[k + 1], meta));
    var n = syllables.length;
    var best = [];
    best[n] = { cost: 0, pieces: [] };
    for (var i = n - 1; i >= 0; i--) {
      var choice = { cost: 2 + best[i + 1].cost, pieces: [{ from: i, to: i, stray: true }].concat(best[i + 1].pieces) };
      for (var j = n - 1; j > i; j--) {
        var slice = groups.slice(i, j);
        if (1 + best[j + 1].cost >= choice.cost || !chain(slice, 1).length) continue;
        choice = { cost: 1 + best[j + 1].cost, pieces: [{ from: i, to: j, groups: slice }].concat(best[j + 1].pieces) };
      }
      best[i] = choice;
    }
    return best[0].pieces;
  }

  /* The keys an alternative is matched by: its bigrams, or a character and its `u:` key, or the word. */
  function alternativeKeys(text) {
    return isHan(text.codePointAt(0)) ? firstRoundTerms(text) : [text];
  }

  /* After resolving: what the parts' alternatives need (pinyin and initials spell Han strings
     whose bigrams are not loaded yet). */
  function secondRoundKeys(resolved) {
    var keys = [];
    resolved.parts.forEach(function (p) {
      p.alternatives.forEach(function (a) { keys = keys.concat(alternativeKeys(a)); });
    });
    return keys;
  }

  /* And the bigrams of single characters (a lone character typed, or reached by one syllable). */
  function thirdRoundKeys(resolved, meta) {
    var keys = [];
    resolved.parts.forEach(function (p) {
      p.alternatives.forEach(function (a) {
        if (Array.from(a).length === 1 && isHan(a.codePointAt(0))) keys = keys.concat(lookupList("u:" + a, meta).slice(0, resolved.charLimit));
      });
    });
    return keys;
  }

  /* ---------- evaluation over loaded shards ---------- */

  var NONE = new Map();

  /* Documents holding a Han string: every bigram of it, or for one character the character alone
     or one of its first `charLimit` bigrams (all when 0). Map id → {score, title, tf}; treat it as
     read-only, it may be a decoded list's own. */
  function matchHan(text, meta, charLimit) {
    var chars = Array.from(text);
    if (chars.length === 1) {
      var found = new Map();
      var bigrams = lookupList("u:" + chars[0], meta);
      var candidates = [chars[0]].concat(charLimit ? bigrams.slice(0, charLimit) : bigrams);
      for (var c = 0; c < candidates.length; c++) {
        var raw1 = postingsOf(candidates[c], meta);
        if (raw1) keepAllBest(found, used(decodePostings(raw1, meta.stride)).docs);
      }
      return found;
    }
    var lists = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var raw = postingsOf(chars[i] + chars[i + 1], meta);
      if (!raw) return NONE;
      lists.push(used(decodePostings(raw, meta.stride)));
    }
    return lists.length === 1 ? lists[0].docs : intersect(lists);
  }

  function hit(title, tf) { return { score: (title ? 10 : 0) + 1 + tf, title: title, tf: tf }; }

  /* Each document of `from` into `into`, where it scores higher than what is there. */
  function keepAllBest(into, from) {
    from.forEach(function (value, id) {
      var there = into.get(id);
      if (!there || there.score < value.score) into.set(id, value);
    });
  }

  function intersect(lists) {
    // Complete lists decide membership; truncated ones (terms in very many documents, where the
    // index keeps only the best postings) add to the score. When every list is truncated, the
    // rarest one decides, so a query of common words still finds its best documents.
    var complete = lists.filter(function (l) { return !l.truncated; });
    var base = complete.length ? complete : lists.slice().sort(function (a, b) { return a.df - b.df; }).slice(0, 1);
    base.sort(function (a, b) { return a.size - b.size; });
    var result = new Map();
    if (!base.length) return result;
    var deciding = lists.map(function (l) { return base.indexOf(l) >= 0; });
    base[0].docs.forEach(function (unused, id) {
      var score = 0, title = true, tf = 7;
      for (var j = 0; j < lists.length; j++) {
        var found = lists[j].docs.get(id);
        if (!found) {
          if (deciding[j]) return;
          continue;
        }
        score += found.score;
        title = title && found.title;
        tf = Math.min(tf, found.tf);
      }
      result.set(id, { score: score, title: title, tf: tf });
    });
    return result;
  }

  /* Documents holding one alternative: a Han string, or a Latin word. */
  function matchAlternative(text, meta, charLimit) {
    if (isHan(text.codePointAt(0))) return matchHan(text, meta, charLimit);
    var raw = postingsOf(text, meta);
    return raw ? used(decodePostings(raw, meta.stride)).docs : NONE;
  }

  /* A part's documents (any alternative), how many documents and notices hold it, and which
     alternatives matched. */
  function matchPart(p, meta, charLimit) {
    var docs = null, held = [], notices = new Set();
    for (var a = 0; a < p.alternatives.length; a++) {
      var found = matchAlternative(p.alternatives[a], meta, charLimit);
      if (!found.size) continue;
      held.push(p.alternatives[a]);
      // One alternative's documents are used as they are; more are merged into a map of their own.
      if (!docs) docs = found;
      else {
        if (held.length === 2) { var own = new Map(); keepAllBest(own, docs); docs = own; }
        keepAllBest(docs, found);
      }
    }
    docs = docs || NONE;
    docs.forEach(function (unused, id) { notices.add(Math.floor(id / meta.stride)); });
    return { docs: docs, held: held, count: docs.size, notices: notices.size };
  }

  /* Which parts a document holds: a bit each for the first 31, an object for any after them. */
  function holds(d, k) { return k < 31 ? (d.mask >> k & 1) === 1 : !!(d.more && d.more[k]); }

  function bitCount(x) {
    for (var count = 0; x; count++) x &= x - 1;
    return count;
  }

  /* How many of the parts each notice holds, in any of its documents: Map notice → count. */
  function partsPerNotice(docs, stride) {
    var masks = new Map(), more = new Map(), counts = new Map();
    docs.forEach(function (d, id) {
      var notice = Math.floor(id / stride);
      masks.set(notice, (masks.get(notice) || 0) | d.mask);
      if (d.more) {
        var seen = more.get(notice) || {};
        for (var k in d.more) seen[k] = true;
        more.set(notice, seen);
      }
    });
    masks.forEach(function (mask, notice) {
      counts.set(notice, bitCount(mask) + (more.has(notice) ? Object.keys(more.get(notice)).length : 0));
    });
    return counts;
  }

  /* Every document holding at least one part, scored. In order of weight: how many parts it holds;
     how many its notice holds (a passage in a notice that answers the whole query, 工程咨询 and
     继续教育学时, before one in a notice that lacks a part, however close its words stand);
     how rare they are (a part in few documents, 水利, tells more than one in most, 申报; and one in
     few notices tells which notice the reader means, where one in every notice, 学时, does not); how many
     neighbouring words it holds side by side (the bigram across their boundary: an exact phrase
     has them all); how much of it is in its title; how often. Pinyin and initials, less certain
     than characters, count a little less. */
  function evaluate(query, meta, segmenter) {
    var resolved = query.parts ? query : refinePinyin(resolve(query, meta, segmenter), meta, segmenter);
    truncatedSeen = false;
    var parts = resolved.parts, boundaries = resolved.boundaries;
    var total = Math.max(meta.documents || 0, 1);
    var matched = parts.map(function (p) { return matchPart(p, meta, resolved.charLimit); });
    var notices = Math.max(meta.notices || 0, 1);
    var weights = matched.map(function (m) {
      if (!m.count) return 0;
      var spread = Math.log(1 + notices / Math.min(m.notices, notices)) / Math.log(1 + notices);
      return Math.log(1 + Math.max(total, m.count) / m.count) * spread;
    });
    var weightSum = weights.reduce(function (a, b) { return a + b; }, 0) || 1;
    var docs = new Map();
    matched.forEach(function (m, k) {
      var certainty = parts[k].kind === "pinyin" || parts[k].kind === "initials" ? 0.9 : 1;
      var weight = weights[k] * certainty;
      m.docs.forEach(function (found, id) {
        var d = docs.get(id);
        if (!d) docs.set(id, d = { count: 0, mask: 0, more: null, weight: 0, title: 0, tf: 0, close: 0 });
        d.count++;
        if (k < 31) d.mask |= 1 << k; else (d.more || (d.more = {}))[k] = true;
        d.weight += weight;
        if (found.title) d.title += weight;
        d.tf += found.tf * certainty;
      });
    });
    boundaries.forEach(function (b) {
      var raw = postingsOf(b.bigram, meta);
      if (!raw) return;
      decodePostings(raw, meta.stride).docs.forEach(function (unused, id) {
        var d = docs.get(id);
        if (d && holds(d, b.left) && holds(d, b.right)) d.close++;
      });
    });
    var noticeParts = partsPerNotice(docs, meta.stride);
    var scores = new Map(), held = new Map(), complete = 0;
    docs.forEach(function (d, id) {
      held.set(id, d.count);
      if (d.count === parts.length) complete++;
      scores.set(id, d.count * 1000 + 500 * noticeParts.get(Math.floor(id / meta.stride)) / parts.length +
        300 * d.weight / weightSum + 150 * d.close / Math.max(boundaries.length, 1) + 100 * d.title / weightSum + Math.min(d.tf, 40));
    });
    var highlights = [], unmatched = [];
    matched.forEach(function (m, k) {
      highlights = highlights.concat(m.held);
      if (!m.count) unmatched.push(parts[k].label);
    });
    return { docs: scores, held: held, highlights: highlights, approximate: truncatedSeen, complete: complete,
      parts: parts.length, missing: resolved.missing.concat(unmatched) };
  }

  /* Results in order: score, then newer notices (smaller ids). So that one notice does not flood
     the list, each notice gets at most `perNotice` places until every notice has had its turn; the
     remaining places up to `limit` are then filled in rank order. `docs`: Map id → score (or an
     object). */
  function rank(docs, stride, perNotice, limit) {
    var ids = [], scores = [];
    if (docs instanceof Map) docs.forEach(function (score, id) { ids.push(id); scores.push(score); });
    else Object.keys(docs).forEach(function (id) { ids.push(Number(id)); scores.push(docs[id]); });
    var order = ids.map(function (id, k) { return k; });
    order.sort(function (a, b) { return scores[b] - scores[a] || ids[a] - ids[b]; });
    ids = order.map(function (k) { return ids[k]; });
    var shown = [], rest = [], perCount = {};
    for (var i = 0; i < ids.length; i++) {
      var notice = Math.floor(ids[i] / stride);
      perCount[notice] = (perCount[notice] || 0) + 1;
      if (perCount[notice] <= perNotice && shown.length < limit) shown.push(ids[i]); else rest.push(ids[i]);
    }
    var taken = 0;
    while (shown.length < limit && taken < rest.length) shown.push(rest[taken++]);
    rest = rest.slice(taken);
    var hidden = {};
    for (var j = 0; j < rest.length; j++) {
      var n = Math.floor(rest[j] / stride);
      hidden[n] = (hidden[n] || 0) + 1;
    }
    return { ids: shown, hiddenPerNotice: hidden, total: ids.length };
  }

  /* A whole search without loading, for scripts and tests whose index is all loaded: the ranked ids. */
  function searchLoaded(text, meta, segmenter) {
    var evaluated = evaluate(plan(text, meta.syllables), meta, segmenter);
    return rank(evaluated.docs, meta.stride, 3, 200).ids;
  }

  /* Where in a text the passage shows: the window of `width` that holds the most different
     highlights, the earliest on a tie. */
  function passageStart(lower, needles, width) {
    var best = -1, bestCount = 0;
    for (var h = 0; h < needles.length; h++) {
      for (var at = lower.indexOf(needles[h]); at >= 0; at = lower.indexOf(needles[h], at + 1)) {
        var start = Math.max(0, at - 24), count = 0;
        for (var k = 0; k < needles.length; k++) {
          var inside = lower.indexOf(needles[k], start);
          if (inside >= 0 && inside + needles[k].length <= start + width) count++;
        }
        if (count > bestCount || (count === bestCount && start < best)) { best = start; bestCount = count; }
      }
    }
    return best < 0 ? 0 : best;
  }

  /* The passage with the most of the highlights, as [text, isMatch] pieces; matches side by side
     make one piece. */
  function snippet(text, highlights, width) {
    width = width || 80;
    var lower = text.toLowerCase();
    var needles = highlights.map(function (h) { return String(h).toLowerCase(); }).filter(function (h) { return h; });
    var start = passageStart(lower, needles, width);
    var piece = text.slice(start, start + width);
    var pieces = [];
    var position = 0;
    var lowerPiece = piece.toLowerCase();
    while (position < piece.length) {
      var next = -1, length = 0;
      for (var k = 0; k < needles.length; k++) {
        var found = lowerPiece.indexOf(needles[k], position);
        if (found >= 0 && (next < 0 || found < next || (found === next && needles[k].length > length))) { next = found; length = needles[k].length; }
      }
      if (next < 0) { pieces.push([piece.slice(position), false]); break; }
      if (next > position) pieces.push([piece.slice(position, next), false]);
      // Words of the query side by side (高级, 工程师) are one mark, as they are one phrase.
      var last = pieces[pieces.length - 1];
      if (last && last[1] && next === position) last[0] += piece.slice(next, next + length);
      else pieces.push([piece.slice(next, next + length), true]);
      position = next + length;
    }
    return { before: start > 0, after: start + width < text.length, pieces: pieces };
  }

  /* ---------- what a result and the status say ---------- */

  /* A result's heading: its title without what the line beside it says. "材料：…" and "模板：…" lose
     the kind shown as a badge; a section's title loses its notice's title, shown below it; a title
     that names its kind (…计算器) gets no badge. {title, kind, notice} (empty when not shown). */
  /* A fragment's document row with its notice's title and address put back: a fragment stores a
     title as "" (the notice's own) or "› section", and an address after the notice's (or after
     "/" when it is elsewhere). */
  function fullDocument(row, notice) {
    var title = row[0] === "" ? notice[0] : row[0].indexOf("› ") === 0 ? notice[0] + " " + row[0] : row[0];
    var url = row[1].charAt(0) === "/" ? row[1].slice(1) : notice[1] + row[1];
    return [title, url, row[2], row[3]];
  }

  function resultHeading(title, kind, noticeTitle) {
    var shown = title;
    if (kind && shown.indexOf(kind + "：") === 0) shown = shown.slice(kind.length + 1);
    if (noticeTitle && shown.indexOf(noticeTitle + " › ") === 0) shown = shown.slice(noticeTitle.length + 3);
    return { title: shown, kind: kind && shown.indexOf(kind) < 0 ? kind : "", notice: shown === noticeTitle ? "" : (noticeTitle || "") };
  }

  /* The status line after a search: how many results, how many hold every part of the query, and
     which parts of it matched nothing (a lone character left out of a phrase, 的 or 费, is not
     worth a sentence). */
  function statusText(info) {
    var named = info.missing.filter(function (piece) { return Array.from(piece).length > 1; });
    var missing = named.length ? "未找到“" + named.join("”“") + "”" : "";
    if (!info.total) {
      if (info.suggested) return "没有找到与“" + info.query + "”相关的内容" + (info.browse ? "，也可以按系列浏览（见下方）" : "") + "。您要找的是不是：";
      return "没有找到与“" + info.query + "”相关的内容。可以换个说法（例如用汉字或拼音首字母）" + (info.browse ? "，或按系列浏览：" : "。");
    }
    var text = (info.approximate ? "找到至少 " : "找到 ") + info.total + " 条结果" +
      (info.total > info.shown ? "，显示最相关的 " + info.shown + " 条" : "") + "。";
    if (info.parts > 1 && info.complete < info.total) {
      text += info.complete ? "其中 " + info.complete + " 条包含全部词语，排在前面。" : "没有同时包含全部词语的内容，先列出包含最多的。";
    }
    if (missing) text += missing + "，" + (info.suggested ? "您要找的是不是：" : "结果只按其余词语查找。");
    return text;
  }

  /* ---------- suggestions when nothing matched ---------- */

  /* Levenshtein distance over code points. */
  function editDistance(a, b) {
    a = Array.from(a); b = Array.from(b);
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var above = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, diagonal + (a[i - 1] === b[k - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  function likeness(a, b) {
    return 1 - editDistance(a, b) / Math.max(Array.from(a).length, Array.from(b).length, 1);
  }

  /* How many characters two strings share, a repeated character as often as both have it. */
  function sharedCharacters(a, b) {
    var left = Array.from(b), shared = 0;
    Array.from(a).forEach(function (ch) {
      var at = left.indexOf(ch);
      if (at >= 0) { shared++; left.splice(at, 1); }
    });
    return shared;
  }

  /* How close typed text is to a vocabulary term, 0…1: Han characters by edit distance and shared
     characters; letters by edit distance to the term's pinyin (either reading) or its initials. */
  function closeness(han, letters, term, reading, syllables) {
    var best = 0;
    if (han) {
      var shared = sharedCharacters(han, term);
      if (shared) best = Math.max(likeness(han, term), 2 * shared / (Array.from(han).length + Array.from(term).length));
    }
    if (letters) {
      String(reading).split(" ").forEach(function (spelled) {
        best = Math.max(best, likeness(letters, spelled));
        var syl = letters.length <= 8 ? segmentPinyin(spelled, syllables) : null;
        if (syl && syl.length > 1) best = Math.max(best, likeness(letters, syl.map(function (s) { return s[0]; }).join("")));
      });
    }
    return best;
  }

  /* The vocabulary terms ([term, pinyin]) closest to `text`, best first (the more common term on a tie). */
  function suggest(text, vocabulary, syllables, limit) {
    var han = "", letters = "";
    runs(text).forEach(function (r) { if (r.han) han += r.han.join(""); else letters += r.latin.replace(/[0-9]+/g, ""); });
    var scored = [];
    (vocabulary || []).forEach(function (entry, order) {
      if (entry[0] === han) return;
      var score = closeness(han, letters, entry[0], entry[1], syllables);
      if (score >= 0.5) scored.push({ term: entry[0], score: score, order: order });
    });
    scored.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return scored.slice(0, limit || 5);
  }

  /* What to offer instead of a query: for the whole query and for each piece of it that matched
     nothing, the closest terms, each as the query with that piece replaced. [{term, query}] */
  function suggestions(query, missing, meta, limit) {
    var normal = String(query).normalize("NFKC").toLowerCase().trim();
    var found = [];
    function offer(piece, replaceIn) {
      // The vocabulary with its pinyin: search/v.js, loaded when there is something to suggest.
      suggest(piece, meta.vocabulary || NB.vocabulary, meta.syllables, limit).forEach(function (s) {
        var next = replaceIn ? normal.replace(piece, s.term) : s.term;
        if (next !== normal && !found.some(function (f) { return f.query === next; })) found.push({ term: s.term, query: next, score: s.score });
      });
    }
    missing.forEach(function (piece) { if (Array.from(piece).length > 1 && normal.indexOf(piece) >= 0) offer(piece, true); });
    if (!found.length) offer(normal, false);
    found.sort(function (a, b) { return b.score - a.score; });
    return found.slice(0, limit || 5);
  }

  var api = { runs: runs, terms: terms, segmentPinyin: segmentPinyin, fnv1a: fnv1a, decodePostings: decodePostings,
    plan: plan, firstRoundKeys: firstRoundKeys, resolve: resolve, refinePinyin: refinePinyin, segmentHan: segmentHan,
    glueLoneCharacters: glueLoneCharacters, pinyinPieces: pinyinPieces, evaluate: evaluate,
    secondRoundKeys: secondRoundKeys, thirdRoundKeys: thirdRoundKeys, rank: rank, searchLoaded: searchLoaded,
    snippet: snippet, hanTerms: hanTerms, chain: chain, editDistance: editDistance, suggest: suggest, suggestions: suggestions,
    resultHeading: resultHeading, fullDocument: fullDocument, statusText: statusText, inflate: inflate, unpack: unpack, fromBase85: fromBase85 };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  NB.engine = api;

  /* ---------- loading index files by script tag ---------- */

  NB._shards = NB._shards || {};
  NB._docs = NB._docs || {};
  NB.shard = function (n, data) { NB._shards[n] = data; };
  NB.docs = function (name, data) { NB._docs[name] = data; };
  NB.filterData = function (rows) { NB._filters = rows; };

  if (!root.document) return;

  /* Sets the page's search up, once. */
  function start() {
    var container = root.document.getElementById("search");
    if (!container || container.noticeboardStarted) return;
    container.noticeboardStarted = true;

    var loading = {};
    function load(path) {
      // A handout carries its whole index inline: nothing to load.
      if (NB.inline) return Promise.resolve(true);
      if (!loading[path]) {
        loading[path] = new Promise(function (resolve) {
          var script = root.document.createElement("script");
          script.src = path;
          script.onload = function () { resolve(true); };
          script.onerror = function () { resolve(false); };
          root.document.head.appendChild(script);
        });
      }
      return loading[path];
    }

    function loadShards(keys, meta) {
      var wanted = {};
      for (var i = 0; i < keys.length; i++) wanted[fnv1a(keys[i]) % meta.shards] = true;
      return Promise.all(Object.keys(wanted).map(function (n) { return load("t/" + n + ".js"); }));
    }

    var explicitIndex = container.getAttribute("data-explicit-index") === "true";
    function siteLink(url) {
      if (NB.link) return NB.link(url);
      var path = explicitIndex ? url.replace(/\/(#|$)/, "/index.html$1") : url;
      return "../" + path;
    }

    var form = root.document.getElementById("search-form");
    var input = root.document.getElementById("search-q");
    var results = root.document.getElementById("search-results");
    var status = root.document.getElementById("search-status");
    var browse = root.document.getElementById("search-browse");
    var yearFilter = root.document.getElementById("search-year");
    var moreButton = root.document.getElementById("search-more");
    var seriesFilter = root.document.getElementById("search-series");

    function params() {
      var out = {};
      var pairs = root.location.search.replace(/^\?/, "").split("&");
      for (var i = 0; i < pairs.length; i++) {
        if (!pairs[i]) continue;
        var kv = pairs[i].split("=");
        out[decodeURIComponent(kv[0])] = decodeURIComponent((kv[1] || "").replace(/\+/g, " "));
      }
      return out;
    }

    function setUpFilters(meta, chosen) {
      for (var y = 0; y < meta.years.length; y++) {
        yearFilter.appendChild(new Option(meta.years[y] + "年度", String(meta.years[y])));
      }
      for (var s = 0; s < meta.series.length; s++) {
        var series = meta.series[s];
        seriesFilter.appendChild(new Option(series.name, series.id));
        for (var p = 0; p < series.specialties.length; p++) {
          seriesFilter.appendChild(new Option("\u3000" + series.specialties[p].name, series.specialties[p].id));
        }
      }
      yearFilter.value = chosen.year || "";
      seriesFilter.value = chosen.series || "";
      // A handout's index holds one notice: nothing to filter.
      root.document.getElementById("search-filters").hidden = !!NB.inline;
    }

    function passesFilters(noticeIndex) {
      var year = yearFilter.value, series = seriesFilter.value;
      if (!year && !series) return true;
      var row = NB._filters && NB._filters[noticeIndex];
      if (!row) return false;
      if (year && row[0][0] !== year) return false;
      if (series) {
        var inSeries = series.indexOf("/") < 0 ? row[1].indexOf(series) >= 0 : row[2].indexOf(series) >= 0;
        if (!inSeries) return false;
      }
      return true;
    }

    function el(tag, className, text) {
      var node = root.document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    var runId = 0;
    function run(meta) {
      var text = input.value.trim();
      var id = ++runId;
      var started = root.performance ? root.performance.now() : Date.now();
      while (results.firstChild) results.removeChild(results.firstChild);
      clearSuggestions();
      browse.hidden = true;
      moreButton.hidden = true;
      if (!text) { status.textContent = "请输入要查找的内容。"; return Promise.resolve(); }
      status.textContent = "正在搜索……";
      var query = plan(text, meta.syllables), resolved;
      var filtersNeeded = (yearFilter.value || seriesFilter.value) ? load("f.js") : Promise.resolve(true);
      return loadShards(firstRoundKeys(query), meta)
        .then(function () {
          resolved = resolve(query, meta);
          return loadShards(secondRoundKeys(resolved), meta);
        })
        .then(function () {
          resolved = refinePinyin(resolved, meta);
          return loadShards(thirdRoundKeys(resolved, meta), meta);
        })
        .then(function () { return filtersNeeded; })
        .then(function () {
          if (id !== runId) return;
          var evaluated = evaluate(resolved, meta);
          var docs = new Map(), complete = 0;
          evaluated.docs.forEach(function (score, d) {
            if (!passesFilters(Math.floor(d / meta.stride))) return;
            docs.set(d, score);
            if (evaluated.held.get(d) === evaluated.parts) complete++;
          });
          var ranked = rank(docs, meta.stride, 3, 200);
          current = { query: text, highlights: evaluated.highlights, ranked: ranked, shown: 0, meta: meta, id: id,
            approximate: evaluated.approximate, complete: complete, parts: evaluated.parts, missing: evaluated.missing };
          // Suggestions, for a query with nothing found or a word found nowhere, need the vocabulary.
          var suggesting = !ranked.ids.length || evaluated.missing.length ? load("v.js") : Promise.resolve(true);
          return suggesting.then(showMore).then(function () {
            if (id !== runId) return;
            // How long this query took, loading included: the benchmark reads it.
            NB.lastQueryMs = (root.performance ? root.performance.now() : Date.now()) - started;
            container.setAttribute("data-searched", text);
          });
        });
    }

    var PAGE = 10;
    var current = null;

    /* Loads the documents of the next page of results and shows them. */
    function showMore() {
      var state = current;
      var page = state.ranked.ids.slice(state.shown, state.shown + PAGE);
      var files = {};
      page.forEach(function (doc) {
        var notice = Math.floor(doc / state.meta.stride), local = doc % state.meta.stride;
        files["d/" + notice + "-" + Math.floor(local / state.meta.chunk) + ".js"] = true;
      });
      return Promise.all(Object.keys(files).map(load)).then(function () {
        if (state !== current) return;
        show(state, page);
        state.shown += page.length;
        moreButton.hidden = state.shown >= state.ranked.ids.length;
      });
    }

    /* A result's document [title, url, kind, text] and its notice [title, url, year], from its
       fragment: the notice first, then the documents. */
    function docRecord(doc, meta) {
      var notice = Math.floor(doc / meta.stride), local = doc % meta.stride;
      var name = notice + "-" + Math.floor(local / meta.chunk);
      var rows = NB._docs[name];
      if (typeof rows === "string") rows = NB._docs[name] = unpack(rows, true);
      var row = rows && rows[1 + local % meta.chunk];
      return { doc: row ? fullDocument(row, rows[0]) : null, notice: rows ? rows[0] : null, noticeIndex: notice };
    }

    /* Suggestions: links that run the search they name (and can be opened or shared as links). */
    var suggestBox = null;
    function clearSuggestions() {
      if (suggestBox) suggestBox.parentNode.removeChild(suggestBox);
      suggestBox = null;
    }

    function showSuggestions(offers) {
      suggestBox = el("ul", "search-suggest");
      suggestBox.id = "search-suggest";
      suggestBox.setAttribute("aria-label", "您要找的是不是");
      offers.forEach(function (offer) {
        var li = el("li");
        var link = el("a", "", offer.query);
        link.href = addressFor(offer.query);
        link.addEventListener("click", function (event) {
          event.preventDefault();
          input.value = offer.query;
          writeAddress();
          run(current.meta);
        });
        li.appendChild(link);
        suggestBox.appendChild(li);
      });
      status.parentNode.insertBefore(suggestBox, status.nextSibling);
    }

    function show(state, page) {
      var highlights = state.highlights, ranked = state.ranked, meta = state.meta;
      // An exact phrase first: the query as typed in a result's title, else in its text.
      var phrase = state.query.normalize("NFKC").toLowerCase();
      var scored = page.map(function (doc, order) {
        var record = docRecord(doc, meta);
        var bonus = 0;
        if (record.doc) {
          if (record.doc[0].toLowerCase().indexOf(phrase) >= 0) bonus = 2;
          else if (record.doc[3].toLowerCase().indexOf(phrase) >= 0) bonus = 1;
        }
        return { doc: doc, record: record, order: order, bonus: bonus };
      });
      var first = state.shown === 0;
      if (first) scored.sort(function (a, b) { return (b.bonus - a.bonus) || (a.order - b.order); });
      // Nothing found, or a part of the query found nowhere: the closest terms the site has.
      var offers = first && (!scored.length || state.missing.length) ? suggestions(state.query, state.missing, meta, 5) : [];
      status.textContent = statusText({ query: state.query, total: ranked.total, shown: state.shown + scored.length,
        approximate: state.approximate, complete: state.complete, parts: state.parts, missing: first ? state.missing : [],
        suggested: offers.length > 0, browse: !NB.inline });
      if (offers.length) showSuggestions(offers);
      if (first && !scored.length) { browse.hidden = !!NB.inline; return; }
      scored.forEach(function (item) {
        var record = item.record;
        if (!record.doc) return;
        results.appendChild(resultItem(record, highlights));
      });
    }

    /* One result: its heading as a link, a line with its kind, year and notice, and its passage. */
    function resultItem(record, highlights) {
      var heading = resultHeading(record.doc[0], record.doc[2], record.notice && record.notice[0]);
      var li = el("li", "search-result");
      var link = el("a", "result-link", heading.title);
      link.href = siteLink(record.doc[1]);
      li.appendChild(link);
      var line = el("p", "result-notice");
      if (heading.kind) {
        line.appendChild(el("span", "result-kind", heading.kind));
        line.appendChild(root.document.createTextNode(" "));
      }
      if (record.notice) line.appendChild(root.document.createTextNode(record.notice[2] + "年度" + (heading.notice ? " · " + heading.notice : "")));
      li.appendChild(line);
      var cut = snippet(record.doc[3], highlights, 90);
      var p = el("p", "result-snippet");
      if (cut.before) p.appendChild(root.document.createTextNode("…"));
      cut.pieces.forEach(function (piece) {
        p.appendChild(piece[1] ? el("mark", "", piece[0]) : root.document.createTextNode(piece[0]));
      });
      if (cut.after) p.appendChild(root.document.createTextNode("…"));
      li.appendChild(p);
      return li;
    }

    /* This page's address for a query, with the filters chosen. */
    function addressFor(text) {
      return root.location.pathname + "?q=" + encodeURIComponent(text) +
        (yearFilter.value ? "&year=" + encodeURIComponent(yearFilter.value) : "") +
        (seriesFilter.value ? "&series=" + encodeURIComponent(seriesFilter.value) : "") + root.location.hash;
    }

    function writeAddress() {
      try {
        root.history.replaceState(null, "", addressFor(input.value.trim()));
      } catch (e) { /* the search still works */ }
    }

    /* Arrow keys move between results; Escape returns to the box. */
    function keyboard(event) {
      var links = Array.prototype.slice.call(results.querySelectorAll("a.result-link"));
      if (!links.length) return;
      var at = links.indexOf(root.document.activeElement);
      if (event.key === "ArrowDown") {
        event.preventDefault();
        links[Math.min(links.length - 1, at + 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) input.focus(); else links[at - 1].focus();
      } else if (event.key === "Escape") {
        input.focus();
      }
    }

    load("meta.js").then(function () {
      var meta = NB.meta;
      if (!meta) { status.textContent = "搜索索引缺失，请重新生成网站。"; return; }
      // The pinyin syllables come as one string, a space between each.
      if (typeof meta.syllables === "string") meta.syllables = meta.syllables.split(" ");
      var chosen = params();
      input.value = chosen.q || "";
      setUpFilters(meta, chosen);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        writeAddress();
        run(meta);
      });
      yearFilter.addEventListener("change", function () { writeAddress(); run(meta); });
      moreButton.addEventListener("click", function () {
        var next = results.children.length;
        showMore().then(function () {
          var link = results.children[next] && results.children[next].querySelector("a");
          if (link) link.focus();
        });
      });
      seriesFilter.addEventListener("change", function () { writeAddress(); run(meta); });
      input.addEventListener("keydown", function (event) { if (event.key === "ArrowDown") keyboard(event); });
      results.addEventListener("keydown", keyboard);
      // For the benchmark and for scripts: run a query as if typed, resolve with its duration in ms.
      NB.search = function (query) { input.value = query; return run(meta).then(function () { return NB.lastQueryMs; }); };
      container.setAttribute("data-ready", "true");
      if (input.value.trim()) run(meta);
    });
  }
  // A handout shows one view at a time and calls this again for each view it shows.
  (root.NoticeboardViews = root.NoticeboardViews || []).push(start);
  start();
})(typeof window !== "undefined" ? window : globalThis);
