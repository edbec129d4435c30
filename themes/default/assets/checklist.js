/* Materials checklist: a profile filter (profile.js, shared with the calculator; the level is one of
   its answers) that hides what does not apply, ticks kept in this browser per notice, export/import to move between
   phone and computer, and the profile in the address so an HR office can send a link that opens
   already filtered.
   Classic script: works from file:// and in WeChat. The page lists everything without it. */
(function (root) {
  "use strict";

  var P = root.NoticeboardProfile || (typeof require === "function" ? require("./profile.js") : null);
  var FORMAT = "noticeboard-checklist";

  /* Does an item apply to this applicant? Its own conditions, and for a continuing-education
     material (data-ce) the notice's rule: a group the notice does not require continuing education
     of (民营企业 applying for the first time, say) needs neither certificates nor exemption forms. */
  function itemApplies(conditions, isCE, notRequired, profile) {
    if (!P.applies(conditions, profile)) return false;
    return !(isCE && P.notRequiredGroup(notRequired, profile));
  }

  function storageKey(notice) {
    return "noticeboard:checklist:" + notice;
  }

  /* Ticks are kept per notice: a material ticked as ready is ready whichever level's list shows it.
     When each level had a page of its own they were kept per level ({ levels: { fugao: {…} } });
     such a save is read as the ticks of the level the applicant has chosen, or of every level at
     once when none is chosen (an applicant ticked on one level's list), so nothing ticked is lost. */
  function ticksOf(saved, level) {
    if (!saved || typeof saved !== "object") return {};
    if (saved.ticks && typeof saved.ticks === "object") return saved.ticks;
    var out = {};
    if (saved.levels && typeof saved.levels === "object") {
      for (var key in saved.levels) {
        var own = saved.levels[key];
        if (level && key !== level && saved.levels[level]) continue;
        if (own && typeof own === "object") for (var id in own) if (own[id]) out[id] = true;
      }
    }
    return out;
  }

  function withTicks(ticks) {
    return { ticks: ticks };
  }

  function exportText(notice, state) {
    var ticked = Object.keys(state.ticks).filter(function (id) { return state.ticks[id]; }).sort();
    return JSON.stringify({ format: FORMAT, version: 3, notice: notice, ticks: ticked, profile: P.clean(state.profile) }, null, 1);
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
    var profile = P.clean(data.profile);
    // A file saved from one level's own list (version 2) names its level beside the profile.
    if (!profile.level && typeof data.level === "string" && data.level) profile = withAnswers(profile, { level: data.level });
    return { ok: true, state: { ticks: ticks, profile: profile } };
  }

  /* A profile with some answers replaced. */
  function withAnswers(profile, answers) {
    var out = {}, key;
    for (key in profile) out[key] = profile[key];
    for (key in answers) out[key] = answers[key];
    return P.clean(out);
  }

  function sectionStatus(total, done) {
    if (total > 0 && done === total) return { text: "已完成", state: "done" };
    if (done > 0) return { text: "进行中", state: "progress" };
    return { text: "未开始", state: "todo" };
  }

  /* An item's markup is <li id="item-ID" data-conditions="{…}" data-ce><label><input
     type="checkbox">title</label>…</li>: the id names the item once (ticks are saved by it), and
     an item for everyone carries no conditions at all. */
  var ITEMS = ".check-items > li";

  function itemID(item) {
    return item.id.replace(/^item-/, "");
  }

  function conditionsOf(item) {
    try { return JSON.parse(item.getAttribute("data-conditions") || "{}") || {}; } catch (e) { return {}; }
  }

  /* The item a tick box belongs to, or null for any other box (the profile form's). */
  function itemOfBox(box) {
    if (!box || box.type !== "checkbox" || box.name) return null;
    var label = box.parentNode, item = label && label.parentNode;
    return item && item.tagName === "LI" && item.parentNode && item.parentNode.classList &&
      item.parentNode.classList.contains("check-items") ? item : null;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = {
      itemApplies: itemApplies, ticksOf: ticksOf, withTicks: withTicks, itemID: itemID, conditionsOf: conditionsOf,
      itemOfBox: itemOfBox, exportText: exportText, importText: importText, sectionStatus: sectionStatus, storageKey: storageKey
    };
  }
  if (!root.document) return;

  /* The count of items and ticks, and moving them between devices: the same on every checklist,
     and of use only with this script, so it makes them rather than every page carrying them hidden. */
  var PROGRESS =
    '<div class="progress" id="progress" hidden>' +
    '<p id="progress-text" role="status" aria-live="polite"></p>' +
    '<div class="actions">' +
    '<button type="button" id="export-progress">导出进度</button>' +
    '<label class="button" for="import-progress">导入进度</label>' +
    '<input type="file" id="import-progress" accept=".json,application/json" class="visually-hidden">' +
    '<button type="button" id="reset-progress">清除勾选</button>' +
    '</div>' +
    '<p id="import-message" role="alert" class="import-message"></p>' +
    '</div>';

  /* Sets the page's checklist up, once. */
  function start() {
    var page = root.document.getElementById("checklist");
    if (!page || page.noticeboardStarted) return;
    page.noticeboardStarted = true;
    var notice = page.getAttribute("data-notice");
    var levelName = root.document.getElementById("checklist-level");
    var levelSelect = root.document.getElementById("profile-level");
    var notRequired = [];
    try { notRequired = JSON.parse(page.getAttribute("data-ce-not-required") || "[]"); } catch (e) { notRequired = []; }
    var form = root.document.getElementById("profile");
    if (!root.document.getElementById("progress")) form.insertAdjacentHTML("afterend", PROGRESS);
    var progress = root.document.getElementById("progress");
    var progressText = root.document.getElementById("progress-text");
    var importMessage = root.document.getElementById("import-message");
    var items = page.querySelectorAll(ITEMS);
    var state = { ticks: {}, profile: P.load(notice, root.localStorage) };
    var canStore = true;

    function readSaved() {
      try {
        return JSON.parse(root.localStorage.getItem(storageKey(notice)) || "null");
      } catch (e) {
        canStore = false;
        return null;
      }
    }

    function save() {
      try {
        root.localStorage.setItem(storageKey(notice), JSON.stringify(withTicks(state.ticks)));
      } catch (e) {
        canStore = false;
      }
      if (!P.save(notice, state.profile, root.localStorage)) canStore = false;
    }

    function writeAddress() {
      try {
        var url = root.location.pathname + P.toQuery(root.location.search, state.profile) + root.location.hash;
        root.history.replaceState(null, "", url);
      } catch (e) {
        /* Some embedded browsers refuse; the filter still works. */
      }
    }

    function render() {
      var shown = 0, hidden = 0, done = 0;
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var visible = itemApplies(conditionsOf(item), item.hasAttribute("data-ce"), notRequired, state.profile);
        item.hidden = !visible;
        var box = item.querySelector("input[type=checkbox]");
        box.checked = !!state.ticks[itemID(item)];
        item.classList.toggle("ticked", box.checked);
        if (visible) { shown++; if (box.checked) done++; } else { hidden++; }
      }
      var sections = page.querySelectorAll(".check-section");
      for (var s = 0; s < sections.length; s++) {
        var section = sections[s];
        var all = section.querySelectorAll(ITEMS);
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
      var text = levelSelect && !levelSelect.value ? "请先选择申报级别：现在列出的是各级别的全部材料。" : "";
      text += "适用于您的材料共 " + shown + " 项";
      if (hidden) text += "（已按您的情况隐藏 " + hidden + " 项）";
      text += "，已勾选 " + done + " 项。";
      var group = P.notRequiredGroup(notRequired, state.profile);
      if (group) text += "本通知对“" + group.who + "”的继续教育不作硬性要求，继续教育的材料不再列出。";
      if (!canStore) text += "本浏览器不能保存进度，请用“导出进度”保存。";
      progressText.textContent = text;
      // The heading names the level chosen, so a printed list says whose it is.
      if (levelSelect) levelName.textContent = levelSelect.value ? "：" + levelSelect.options[levelSelect.selectedIndex].text : "";
      showQuestions();
    }

    /* A question that does not stand for this applicant (where a first-time applicant's current
       title was obtained) is not shown. */
    function showQuestions() {
      var fields = form.querySelectorAll("[data-field]");
      for (var f = 0; f < fields.length; f++) fields[f].hidden = !P.asked(fields[f].getAttribute("data-field"), state.profile);
    }

    function readForm() {
      var profile = {};
      var selects = form.querySelectorAll("select");
      for (var i = 0; i < selects.length; i++) profile[selects[i].name] = selects[i].value;
      var boxes = form.querySelectorAll("input[type=checkbox][name]");
      for (var b = 0; b < boxes.length; b++) {
        if (!boxes[b].checked) continue;
        (profile[boxes[b].name] = profile[boxes[b].name] || []).push(boxes[b].value);
      }
      // Answers the form does not ask here (the calculator's) are kept.
      var kept = P.clean(state.profile);
      for (var key in kept) if (!form.querySelector("[name=\"" + key + "\"]")) profile[key] = kept[key];
      return P.clean(profile);
    }

    function fillForm() {
      var selects = form.querySelectorAll("select");
      for (var i = 0; i < selects.length; i++) {
        var value = state.profile[selects[i].name] || "";
        var known = false;
        for (var j = 0; j < selects[i].options.length; j++) if (selects[i].options[j].value === value) known = true;
        selects[i].value = known ? value : "";
      }
      var boxes = form.querySelectorAll("input[type=checkbox][name]");
      for (var b = 0; b < boxes.length; b++) {
        boxes[b].checked = (state.profile[boxes[b].name] || []).indexOf(boxes[b].value) >= 0;
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

    var fromAddress = P.fromQuery(root.location.search);
    // A link naming only a level (a notice page's, an old level address's) chooses it and keeps the
    // rest of the saved answers; a link naming more is someone's whole situation, taken as it is.
    if (fromAddress) {
      var onlyLevel = Object.keys(fromAddress).join() === "level";
      state.profile = onlyLevel ? withAnswers(state.profile, fromAddress) : fromAddress;
    }
    state.ticks = ticksOf(readSaved(), state.profile.level);
    save();
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
      var box = event.target, item = itemOfBox(box);
      if (!item) return;
      if (box.checked) state.ticks[itemID(item)] = true;
      else delete state.ticks[itemID(item)];
      save();
      render();
    });
    root.document.getElementById("export-progress").addEventListener("click", function () {
      download("材料清单进度-" + notice + (state.profile.level ? "-" + state.profile.level : "") + ".json", exportText(notice, state));
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
      if (!root.confirm("清除本清单的全部勾选？筛选条件会保留。")) return;
      state.ticks = {};
      save();
      render();
    });
  }
  // A handout shows one view at a time and calls this again for each view it shows.
  (root.NoticeboardViews = root.NoticeboardViews || []).push(start);
  start();
})(typeof window !== "undefined" ? window : globalThis);
