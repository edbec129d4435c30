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

  /* Set when a query used a term whose postings the index cut short: its count is then a floor. */
  var truncatedSeen = false;

  /* [df, …] → {df, truncated, size, docs: {id: {title, tf}}}; decoded once per list. */
  var decoded = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  function decodePostings(list) {
    var cached = decoded && decoded.get(list);
    if (cached) return cached;
    var docs = {}, id = 0;
    for (var i = 1; i < list.length; i++) {
      id += Math.floor(list[i] / 16);
      docs[id] = { title: (list[i] & 8) !== 0, tf: list[i] & 7 };
    }
    var result = { df: list[0], truncated: list[0] > list.length - 1, size: list.length - 1, docs: docs };
    if (decoded) decoded.set(list, result);
    return result;
  }

  function used(postings) {
    if (postings.truncated) truncatedSeen = true;
    return postings;
  }

  /* ---------- the query plan ---------- */

  /* A query becomes parts that must all match. Each part has interpretations (any may match), each
     an AND of Han strings or words; pinyin and initials interpretations name index keys whose
     values are the Han strings they stand for. */
  function plan(query, syllables) {
    var parts = [];
    var list = runs(query);
    for (var r = 0; r < list.length; r++) {
      if (list[r].han) {
        parts.push({ label: list[r].han.join(""), readings: [{ han: [list[r].han.join("")] }] });
        continue;
      }
      var word = list[r].latin;
      var readings = [{ words: [word] }];
      if (/^[a-z]+$/.test(word)) {
        var syl = segmentPinyin(word, syllables);
        if (syl) {
          var keys = [];
          if (syl.length === 1) keys.push("p:" + syl[0]);
          for (var k = 0; k + 1 < syl.length; k++) keys.push("p:" + syl[k] + syl[k + 1]);
          readings.push({ pinyin: keys, syllables: syl.length });
        }
        if (word.length >= 2 && word.length <= 8) {
          var initials = [];
          for (var c = 0; c + 1 < word.length; c++) initials.push("i:" + word.slice(c, c + 2));
          readings.push({ initials: initials });
        }
      }
      parts.push({ label: word, readings: readings });
    }
    return parts;
  }

  function keysOf(parts) {
    var keys = [];
    for (var p = 0; p < parts.length; p++) {
      var readings = parts[p].readings;
      for (var r = 0; r < readings.length; r++) {
        var reading = readings[r];
        if (reading.han) for (var h = 0; h < reading.han.length; h++) keys = keys.concat(firstRoundTerms(reading.han[h]));
        if (reading.words) keys = keys.concat(reading.words);
        if (reading.pinyin) keys = keys.concat(reading.pinyin);
        if (reading.initials) keys = keys.concat(reading.initials);
      }
    }
    return keys;
  }

  /* ---------- evaluation over loaded shards ---------- */

  function lookup(term, meta) {
    var shard = NB._shards[fnv1a(term) % meta.shards];
    return shard ? shard[term] : undefined;
  }

  /* Documents containing a Han string: every bigram of it, or for one character the character
     alone or any bigram with it. {id: score}. */
  function matchHan(text, meta) {
    var chars = Array.from(text);
    if (chars.length === 1) {
      var found = {};
      var candidates = [chars[0]].concat(lookupList("u:" + chars[0], meta));
      for (var c = 0; c < candidates.length; c++) {
        var raw1 = lookup(candidates[c], meta);
        if (!raw1 || typeof raw1[0] !== "number") continue;
        var docs1 = used(decodePostings(raw1)).docs;
        for (var id1 in docs1) found[id1] = Math.max(found[id1] || 0, (docs1[id1].title ? 10 : 0) + 1 + docs1[id1].tf);
      }
      return found;
    }
    var needed = hanTerms(chars);
    var lists = [];
    for (var i = 0; i < needed.length; i++) {
      var raw = lookup(needed[i], meta);
      if (!raw || typeof raw[0] !== "number") return {};
      lists.push(used(decodePostings(raw)));
    }
    return intersect(lists);
  }

  function intersect(lists) {
    // Complete lists decide membership; truncated ones (terms in very many documents, where the
    // index keeps only the best postings) add to the score. When every list is truncated, the
    // rarest one decides, so a query of common words still finds its best documents.
    var complete = lists.filter(function (l) { return !l.truncated; });
    var base = complete.length ? complete : lists.slice().sort(function (a, b) { return a.df - b.df; }).slice(0, 1);
    base.sort(function (a, b) { return a.size - b.size; });
    var result = {};
    var first = base[0] ? base[0].docs : {};
    for (var id in first) {
      var score = 0, ok = true;
      for (var j = 0; j < lists.length; j++) {
        var hit = lists[j].docs[id];
        if (!hit) {
          if (base.indexOf(lists[j]) >= 0) { ok = false; break; }
          continue;
        }
        score += (hit.title ? 10 : 0) + 1 + hit.tf;
      }
      if (ok) result[id] = score;
    }
    return result;
  }

  /* Each part's documents and scores, the strings to highlight, and the Han keys still to load. */
  function evaluate(parts, meta) {
    var total = null, highlights = [];
    truncatedSeen = false;
    for (var p = 0; p < parts.length; p++) {
      var partDocs = {};
      var readings = parts[p].readings;
      for (var r = 0; r < readings.length; r++) {
        var found = evaluateReading(readings[r], meta, highlights);
        for (var id in found) partDocs[id] = Math.max(partDocs[id] || 0, found[id]);
      }
      if (total === null) total = partDocs;
      else {
        var next = {};
        for (var d in total) if (partDocs[d] !== undefined) next[d] = total[d] + partDocs[d];
        total = next;
      }
    }
    return { docs: total || {}, highlights: highlights, approximate: truncatedSeen };
  }

  function lookupList(key, meta) {
    var values = lookup(key, meta);
    return values && typeof values[0] === "string" ? values : [];
  }

  /* The Han strings a pinyin or initials reading stands for, best first. */
  function candidatesFor(reading, meta) {
    var keys = reading.pinyin || reading.initials;
    var groups = keys.map(function (key) { return lookupList(key, meta); });
    // One syllable names single characters; keep the few most common. Initials are vaguer than
    // pinyin, so fewer of their spellings are tried: each costs index files to load.
    if (reading.pinyin && reading.syllables === 1) return groups[0].slice(0, 5);
    return chain(groups, reading.initials ? 8 : 12);
  }

  function evaluateReading(reading, meta, highlights) {
    if (reading.han) {
      highlights.push(reading.han[0]);
      return matchHan(reading.han[0], meta);
    }
    if (reading.words) {
      var raw = lookup(reading.words[0], meta);
      if (!raw || typeof raw[0] !== "number") return {};
      highlights.push(reading.words[0]);
      var docs = {};
      var decoded = used(decodePostings(raw)).docs;
      for (var id in decoded) docs[id] = (decoded[id].title ? 10 : 0) + 1 + decoded[id].tf;
      return docs;
    }
    // Pinyin or initials: the Han strings the reading spells; a document needs one of them.
    var union = {};
    var candidates = candidatesFor(reading, meta);
    for (var a = 0; a < candidates.length; a++) {
      var hits = matchHan(candidates[a], meta);
      var any = false;
      for (var doc in hits) { union[doc] = Math.max(union[doc] || 0, hits[doc]); any = true; }
      if (any) highlights.push(candidates[a]);
    }
    // Typed pinyin is less certain than characters: slightly lower score.
    for (var k in union) union[k] = union[k] * 0.9;
    return union;
  }

  /* After the first shards: what the pinyin and initials readings and single characters need next. */
  function secondRoundKeys(parts, meta) {
    var keys = [];
    for (var p = 0; p < parts.length; p++) {
      for (var r = 0; r < parts[p].readings.length; r++) {
        var reading = parts[p].readings[r];
        if (reading.han && Array.from(reading.han[0]).length === 1) {
          keys = keys.concat(lookupList("u:" + reading.han[0], meta));
        }
        if (!reading.pinyin && !reading.initials) continue;
        var candidates = candidatesFor(reading, meta);
        for (var c = 0; c < candidates.length; c++) keys = keys.concat(firstRoundTerms(candidates[c]));
      }
    }
    return keys;
  }

  /* And a third round for single characters reached by pinyin (their `u:` bigrams). */
  function thirdRoundKeys(parts, meta) {
    var keys = [];
    for (var p = 0; p < parts.length; p++) {
      for (var r = 0; r < parts[p].readings.length; r++) {
        var reading = parts[p].readings[r];
        if (!reading.pinyin || reading.syllables !== 1) continue;
        var candidates = candidatesFor(reading, meta);
        for (var c = 0; c < candidates.length; c++) keys = keys.concat(lookupList("u:" + candidates[c], meta));
      }
    }
    return keys;
  }

  /* Results in order: score, then newer notices (smaller ids). So that one notice does not flood
     the list, each notice gets at most `perNotice` places until every notice has had its turn; the
     remaining places up to `limit` are then filled in rank order. */
  function rank(docs, stride, perNotice, limit) {
    var ids = Object.keys(docs).map(Number);
    ids.sort(function (a, b) { return docs[b] - docs[a] || a - b; });
    var shown = [], rest = [], perCount = {};
    for (var i = 0; i < ids.length; i++) {
      var notice = Math.floor(ids[i] / stride);
      perCount[notice] = (perCount[notice] || 0) + 1;
      if (perCount[notice] <= perNotice && shown.length < limit) shown.push(ids[i]); else rest.push(ids[i]);
    }
    while (shown.length < limit && rest.length) shown.push(rest.shift());
    var hidden = {};
    for (var j = 0; j < rest.length; j++) {
      var n = Math.floor(rest[j] / stride);
      hidden[n] = (hidden[n] || 0) + 1;
    }
    return { ids: shown, hiddenPerNotice: hidden, total: ids.length };
  }

  /* The passage around the first highlight, as [text, isMatch] pieces. */
  function snippet(text, highlights, width) {
    width = width || 80;
    var lower = text.toLowerCase();
    var best = -1;
    for (var h = 0; h < highlights.length; h++) {
      var at = lower.indexOf(String(highlights[h]).toLowerCase());
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    var start = best < 0 ? 0 : Math.max(0, best - 24);
    var piece = text.slice(start, start + width);
    var pieces = [];
    var position = 0;
    var lowerPiece = piece.toLowerCase();
    while (position < piece.length) {
      var next = -1, length = 0;
      for (var k = 0; k < highlights.length; k++) {
        var needle = String(highlights[k]).toLowerCase();
        if (!needle) continue;
        var found = lowerPiece.indexOf(needle, position);
        if (found >= 0 && (next < 0 || found < next || (found === next && needle.length > length))) { next = found; length = needle.length; }
      }
      if (next < 0) { pieces.push([piece.slice(position), false]); break; }
      if (next > position) pieces.push([piece.slice(position, next), false]);
      pieces.push([piece.slice(next, next + length), true]);
      position = next + length;
    }
    return { before: start > 0, after: start + width < text.length, pieces: pieces };
  }

  var api = { runs: runs, terms: terms, segmentPinyin: segmentPinyin, fnv1a: fnv1a, decodePostings: decodePostings,
    plan: plan, keysOf: keysOf, evaluate: evaluate, secondRoundKeys: secondRoundKeys, rank: rank, snippet: snippet, hanTerms: hanTerms,
    chain: chain };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  NB.engine = api;

  /* ---------- loading index files by script tag ---------- */

  NB._shards = NB._shards || {};
  NB._docs = NB._docs || {};
  NB._notices = NB._notices || {};
  NB.shard = function (n, data) { NB._shards[n] = data; };
  NB.docs = function (name, rows) { NB._docs[name] = rows; };
  NB.notices = function (n, rows) { NB._notices[n] = rows; };
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
      var query = input.value.trim();
      var id = ++runId;
      var started = root.performance ? root.performance.now() : Date.now();
      while (results.firstChild) results.removeChild(results.firstChild);
      browse.hidden = true;
      moreButton.hidden = true;
      if (!query) { status.textContent = "请输入要查找的内容。"; return Promise.resolve(); }
      status.textContent = "正在搜索……";
      var parts = plan(query, meta.syllables);
      var filtersNeeded = (yearFilter.value || seriesFilter.value) ? load("f.js") : Promise.resolve(true);
      return loadShards(keysOf(parts), meta)
        .then(function () { return loadShards(secondRoundKeys(parts, meta), meta); })
        .then(function () { return loadShards(thirdRoundKeys(parts, meta), meta); })
        .then(function () { return filtersNeeded; })
        .then(function () {
          if (id !== runId) return;
          var evaluated = evaluate(parts, meta);
          var docs = {};
          for (var d in evaluated.docs) if (passesFilters(Math.floor(d / meta.stride))) docs[d] = evaluated.docs[d];
          var ranked = rank(docs, meta.stride, 3, 200);
          current = { query: query, highlights: evaluated.highlights, ranked: ranked, shown: 0, meta: meta, id: id,
            approximate: evaluated.approximate };
          return showMore().then(function () {
            if (id !== runId) return;
            // How long this query took, loading included: the benchmark reads it.
            NB.lastQueryMs = (root.performance ? root.performance.now() : Date.now()) - started;
            container.setAttribute("data-searched", query);
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
        files["n/" + Math.floor(notice / state.meta.noticeChunk) + ".js"] = true;
      });
      return Promise.all(Object.keys(files).map(load)).then(function () {
        if (state !== current) return;
        show(state, page);
        state.shown += page.length;
        moreButton.hidden = state.shown >= state.ranked.ids.length;
      });
    }

    function docRecord(doc, meta) {
      var notice = Math.floor(doc / meta.stride), local = doc % meta.stride;
      var rows = NB._docs[notice + "-" + Math.floor(local / meta.chunk)];
      var noticeRows = NB._notices[Math.floor(notice / meta.noticeChunk)];
      return {
        doc: rows ? rows[local % meta.chunk] : null,
        notice: noticeRows ? noticeRows[notice % meta.noticeChunk] : null,
        noticeIndex: notice
      };
    }

    function show(state, page) {
      var query = state.query, highlights = state.highlights, ranked = state.ranked, meta = state.meta;
      // Phrase and title hits first: the exact query (or a Han string it stands for) in the title or text.
      var phrase = query.normalize("NFKC").toLowerCase();
      var scored = page.map(function (doc, order) {
        var record = docRecord(doc, meta);
        var bonus = 0;
        if (record.doc) {
          var title = record.doc[0].toLowerCase(), text = record.doc[3].toLowerCase();
          if (title.indexOf(phrase) >= 0) bonus += 40; else if (text.indexOf(phrase) >= 0) bonus += 20;
          for (var h = 0; h < highlights.length; h++) {
            var needle = String(highlights[h]).toLowerCase();
            if (needle.length > 1 && title.indexOf(needle) >= 0) { bonus += 8; break; }
          }
        }
        return { doc: doc, record: record, order: order, bonus: bonus };
      });
      if (state.shown === 0) scored.sort(function (a, b) { return (b.bonus - a.bonus) || (a.order - b.order); });
      if (state.shown === 0 && !scored.length) {
        status.textContent = "没有找到与“" + query + "”相关的内容。可以换个说法（例如用汉字或拼音首字母）" +
          (NB.inline ? "。" : "，或按系列浏览：");
        browse.hidden = !!NB.inline;
        return;
      }
      var total = ranked.total;
      status.textContent = (state.approximate ? "找到至少 " : "找到 ") + total + " 条结果" + (total > state.shown + scored.length ? "，显示最相关的 " + (state.shown + scored.length) + " 条" : "") + "。";
      scored.forEach(function (item) {
        var record = item.record;
        if (!record.doc) return;
        var li = el("li", "search-result");
        var link = el("a", "result-link", record.doc[0]);
        link.href = siteLink(record.doc[1]);
        li.appendChild(link);
        li.appendChild(el("span", "result-kind", record.doc[2]));
        if (record.notice) li.appendChild(el("p", "result-notice", record.notice[2] + "年度 · " + record.notice[0]));
        var cut = snippet(record.doc[3], highlights, 90);
        var p = el("p", "result-snippet");
        if (cut.before) p.appendChild(root.document.createTextNode("…"));
        cut.pieces.forEach(function (piece) {
          p.appendChild(piece[1] ? el("mark", "", piece[0]) : root.document.createTextNode(piece[0]));
        });
        if (cut.after) p.appendChild(root.document.createTextNode("…"));
        li.appendChild(p);
        results.appendChild(li);
      });
    }

    function writeAddress() {
      try {
        var query = "?q=" + encodeURIComponent(input.value.trim()) +
          (yearFilter.value ? "&year=" + encodeURIComponent(yearFilter.value) : "") +
          (seriesFilter.value ? "&series=" + encodeURIComponent(seriesFilter.value) : "");
        root.history.replaceState(null, "", root.location.pathname + query + root.location.hash);
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
