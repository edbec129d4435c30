/* Materials checklist: a profile filter that hides what does not apply, ticks kept in this
   browser per notice, export/import to move between phone and computer, and the profile in the
   address so an HR office can send a link that opens already filtered.
   Classic script: works from file:// and in WeChat. The page lists everything without it. */
(function (root) {
  "use strict";

  var FIELDS = ["employer", "title", "first", "fanghuiju", "minority", "county", "skilled", "sub"];
  var YES_NO = { first: true, fanghuiju: true, minority: true, county: true, skilled: true };
  var FORMAT = "noticeboard-checklist";

  /* Does an item with these conditions apply to this profile? An unanswered question hides nothing. */
  function applies(conditions, profile) {
    var c = conditions || {};
    var p = profile || {};
    if (c.employer && c.employer.length && p.employer) {
      // A private company (民营企业) is a company (企业) too.
      var fits = c.employer.indexOf(p.employer) >= 0 || (p.employer === "民营企业" && c.employer.indexOf("企业") >= 0);
      if (!fits) return false;
    }
    if (c.title && p.title && c.title !== p.title) return false;
    for (var key in YES_NO) {
      if (typeof c[key] === "boolean" && p[key]) {
        if (c[key] !== (p[key] === "是")) return false;
      }
    }
    if (c.sub && c.sub.length && p.sub && c.sub.indexOf(p.sub) < 0) return false;
    return true;
  }

  function cleanProfile(profile) {
    var clean = {};
    for (var i = 0; i < FIELDS.length; i++) {
      var value = profile && profile[FIELDS[i]];
      if (typeof value === "string" && value !== "") clean[FIELDS[i]] = value;
    }
    return clean;
  }

  /* The profile named in a query string, or null when it names none. */
  function profileFromQuery(search) {
    var profile = {};
    var found = false;
    var pairs = (search || "").replace(/^\?/, "").split("&");
    for (var i = 0; i < pairs.length; i++) {
      var pair = pairs[i].split("=");
      var key = decodeURIComponent(pair[0] || "");
      if (FIELDS.indexOf(key) >= 0 && pair.length > 1) {
        profile[key] = decodeURIComponent(pair.slice(1).join("=").replace(/\+/g, " "));
        found = true;
      }
    }
    return found ? cleanProfile(profile) : null;
  }

  /* The query string for a profile, keeping any other parameter already there. */
  function queryWithProfile(search, profile) {
    var kept = [];
    var pairs = (search || "").replace(/^\?/, "").split("&");
    for (var i = 0; i < pairs.length; i++) {
      if (!pairs[i]) continue;
      if (FIELDS.indexOf(decodeURIComponent(pairs[i].split("=")[0])) < 0) kept.push(pairs[i]);
    }
    var clean = cleanProfile(profile);
    for (var j = 0; j < FIELDS.length; j++) {
      if (clean[FIELDS[j]]) kept.push(FIELDS[j] + "=" + encodeURIComponent(clean[FIELDS[j]]));
    }
    return kept.length ? "?" + kept.join("&") : "";
  }

  function storageKey(notice) {
    return "noticeboard:checklist:" + notice;
  }

  function exportText(notice, state) {
    var ticked = Object.keys(state.ticks).filter(function (id) { return state.ticks[id]; }).sort();
    return JSON.stringify({ format: FORMAT, version: 1, notice: notice, ticks: ticked, profile: cleanProfile(state.profile) }, null, 1);
  }

  /* Reads an exported file; only a file of this notice is accepted, so last year's never mixes in. */
  function importText(text, notice) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: "无法读取：这不是导出的进度文件。" };
    }
    if (!data || data.format !== FORMAT || !Array.isArray(data.ticks)) {
      return { ok: false, message: "无法读取：这不是导出的进度文件。" };
    }
    if (data.notice !== notice) {
      return { ok: false, message: "这个文件属于另一份通知（" + String(data.notice) + "），没有导入。" };
    }
    var ticks = {};
    for (var i = 0; i < data.ticks.length; i++) {
      if (typeof data.ticks[i] === "string") ticks[data.ticks[i]] = true;
    }
    return { ok: true, state: { ticks: ticks, profile: cleanProfile(data.profile) } };
  }

  function sectionStatus(total, done) {
    if (total > 0 && done === total) return { text: "已完成", state: "done" };
    if (done > 0) return { text: "进行中", state: "progress" };
    return { text: "未开始", state: "todo" };
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = {
      applies: applies, profileFromQuery: profileFromQuery, queryWithProfile: queryWithProfile,
      exportText: exportText, importText: importText, sectionStatus: sectionStatus, storageKey: storageKey
    };
  }
  if (!root.document) return;

  /* Sets the page's checklist up, once. */
  function start() {
    var page = root.document.getElementById("checklist");
    if (!page || page.noticeboardStarted) return;
    page.noticeboardStarted = true;
    var notice = page.getAttribute("data-notice");
    var form = root.document.getElementById("profile");
    var progress = root.document.getElementById("progress");
    var progressText = root.document.getElementById("progress-text");
    var importMessage = root.document.getElementById("import-message");
    var items = page.querySelectorAll(".check-item");
    var state = { ticks: {}, profile: {} };
    var canStore = true;

    function load() {
      try {
        var saved = JSON.parse(root.localStorage.getItem(storageKey(notice)) || "null");
        if (saved && typeof saved === "object") {
          state.ticks = saved.ticks && typeof saved.ticks === "object" ? saved.ticks : {};
          state.profile = cleanProfile(saved.profile);
        }
      } catch (e) {
        canStore = false;
      }
    }

    function save() {
      try {
        root.localStorage.setItem(storageKey(notice), JSON.stringify({ ticks: state.ticks, profile: state.profile }));
      } catch (e) {
        canStore = false;
      }
    }

    function writeAddress() {
      try {
        var url = root.location.pathname + queryWithProfile(root.location.search, state.profile) + root.location.hash;
        root.history.replaceState(null, "", url);
      } catch (e) {
        /* Some embedded browsers refuse; the filter still works. */
      }
    }

    function render() {
      var shown = 0, hidden = 0, done = 0;
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var conditions = {};
        try { conditions = JSON.parse(item.getAttribute("data-conditions") || "{}"); } catch (e) { conditions = {}; }
        var visible = applies(conditions, state.profile);
        item.hidden = !visible;
        var box = item.querySelector("input[type=checkbox]");
        box.checked = !!state.ticks[box.getAttribute("data-item")];
        item.classList.toggle("ticked", box.checked);
        if (visible) { shown++; if (box.checked) done++; } else { hidden++; }
      }
      var sections = page.querySelectorAll(".check-section");
      for (var s = 0; s < sections.length; s++) {
        var section = sections[s];
        var all = section.querySelectorAll(".check-item");
        var total = 0, ticked = 0;
        for (var k = 0; k < all.length; k++) {
          if (all[k].hidden) continue;
          total++;
          if (all[k].querySelector("input").checked) ticked++;
        }
        section.hidden = total === 0;
        var status = sectionStatus(total, ticked);
        var tag = section.querySelector(".task-status");
        tag.textContent = status.text;
        tag.className = "task-status status-" + status.state;
        tag.hidden = false;
      }
      var text = "适用于您的材料共 " + shown + " 项";
      if (hidden) text += "（已按您的情况隐藏 " + hidden + " 项）";
      text += "，已勾选 " + done + " 项。";
      if (!canStore) text += "本浏览器不能保存进度，请用“导出进度”保存。";
      progressText.textContent = text;
    }

    function readForm() {
      var profile = {};
      var selects = form.querySelectorAll("select");
      for (var i = 0; i < selects.length; i++) profile[selects[i].name] = selects[i].value;
      return cleanProfile(profile);
    }

    function fillForm() {
      var selects = form.querySelectorAll("select");
      for (var i = 0; i < selects.length; i++) {
        var value = state.profile[selects[i].name] || "";
        var known = false;
        for (var j = 0; j < selects[i].options.length; j++) if (selects[i].options[j].value === value) known = true;
        selects[i].value = known ? value : "";
      }
    }

    function download(name, text) {
      var blob = new Blob([text], { type: "application/json" });
      var link = root.document.createElement("a");
      link.href = root.URL.createObjectURL(blob);
      link.download = name;
      root.document.body.appendChild(link);
      link.click();
      root.document.body.removeChild(link);
      root.setTimeout(function () { root.URL.revokeObjectURL(link.href); }, 1000);
    }

    load();
    var fromAddress = profileFromQuery(root.location.search);
    if (fromAddress) { state.profile = fromAddress; save(); }
    form.hidden = false;
    progress.hidden = false;
    fillForm();
    writeAddress();
    render();

    form.addEventListener("change", function () {
      state.profile = readForm();
      save();
      writeAddress();
      render();
    });
    page.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.getAttribute || !box.getAttribute("data-item")) return;
      if (box.checked) state.ticks[box.getAttribute("data-item")] = true;
      else delete state.ticks[box.getAttribute("data-item")];
      save();
      render();
    });
    root.document.getElementById("export-progress").addEventListener("click", function () {
      download("材料清单进度-" + notice + ".json", exportText(notice, state));
    });
    root.document.getElementById("import-progress").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      var reader = new root.FileReader();
      reader.onload = function () {
        var result = importText(String(reader.result), notice);
        if (result.ok) {
          state = result.state;
          save();
          fillForm();
          writeAddress();
          render();
          importMessage.textContent = "已导入：" + Object.keys(state.ticks).length + " 项勾选。";
        } else {
          importMessage.textContent = result.message;
        }
        event.target.value = "";
      };
      reader.readAsText(file);
    });
    root.document.getElementById("reset-progress").addEventListener("click", function () {
      if (!root.confirm("清除本通知的全部勾选？筛选条件会保留。")) return;
      state.ticks = {};
      save();
      render();
    });
  }
  // A handout shows one view at a time and calls this again for each view it shows.
  (root.NoticeboardViews = root.NoticeboardViews || []).push(start);
  start();
})(typeof window !== "undefined" ? window : globalThis);
