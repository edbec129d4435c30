/* The continuing-education and eligibility calculator. Reads the notice's rules from the JSON
   block in the page and answers with window.NoticeboardRules (rules.js): which years are needed,
   which are covered or missing, which need an exemption form, which certificates come from the
   platform and which are scanned, the hour rule, the fee, the deadlines, years of service and the
   skilled-worker track. The applicant's situation (单位类型, 初次申报, 访惠聚) is the same profile the
   checklist filters by (profile.js), and what was typed is kept in this browser per notice.
   Builds its controls with DOM calls only: content text is never parsed as HTML. */
(function (root) {
  "use strict";

  /* `2021年`, `2022–2024年`, `2018、2020–2021年`: consecutive years joined into runs. */
  function yearList(years) {
    var sorted = years.slice().sort(function (a, b) { return a - b; });
    var runs = [];
    for (var i = 0; i < sorted.length; i++) {
      var end = i;
      while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
      runs.push(end === i ? String(sorted[i]) : sorted[i] + "–" + sorted[end]);
      i = end;
    }
    return runs.join("、") + "年";
  }

  function courses(pair) {
    var parts = [];
    if (pair.general.length) parts.push("公需科目 " + yearList(pair.general));
    if (pair.specialty.length) parts.push("专业科目 " + yearList(pair.specialty));
    return parts.join("；");
  }

  /* The answer in plain sentences. */
  function sentences(rule, result, rules, options) {
    var out = [];
    var planning = options.year !== rules.year;
    if (planning) out.push("按 " + options.year + " 年度申报估算（假设规则不变、年份顺延，以当年通知为准）。");
    if (result.notRequired) {
      out.push("本通知对“" + options.notRequiredLabel + "”的继续教育不作硬性要求。");
      return out;
    }
    out.push("需要的年度：" + courses(result.required) + "。");
    var covered = courses(result.covered);
    if (covered) out.push("已具备：" + covered + "。");
    var missing = courses(result.missing);
    out.push(missing ? "还缺：" + missing + "的培训合格证书。" : "证书已齐全。");
    if (result.exempt.length) {
      var proofs = [];
      for (var e = 0; e < result.exempt.length; e++) {
        var record = options.years[String(result.exempt[e])] || {};
        var exemption = rules.exemptions[record.exemption] || {};
        proofs.push(result.exempt[e] + "年（" + (exemption.who || "免修") + "）");
      }
      out.push("免修年度：" + proofs.join("、") + "，需上传免试审批表或相关证明材料。");
    }
    if (rule.platformGeneralFrom !== undefined || rule.platformSpecialtyFrom !== undefined) {
      var fromPlatform = courses(result.platform);
      var byHand = courses(result.upload);
      if (fromPlatform) out.push("从管理平台获取：" + fromPlatform + "。");
      if (byHand) out.push("手动上传扫描件：" + byHand + "。");
    } else {
      out.push("以上证书按通知要求上传培训合格证书扫描件。");
    }
    if (typeof rule.hoursPerYear === "number") {
      var ruleText = "每年不少于" + rule.hoursPerYear + "学时" +
        (typeof rule.specialtyHoursMin === "number" ? "，其中专业科目不少于" + rule.specialtyHoursMin + "学时" : "");
      if (result.hoursShort.length) out.push("学时不足：" + yearList(result.hoursShort) + "（" + ruleText + "）。");
      if (result.hoursUnknown.length) out.push("请填写 " + yearList(result.hoursUnknown) + " 的学时，以核对学时要求（" + ruleText + "）。");
      if (!result.hoursShort.length && !result.hoursUnknown.length) out.push("学时要求已满足（" + ruleText + "）。");
    }
    if (options.fanghuijuUnmarked) out.push("您在材料清单中选择了“" + options.fanghuijuUnmarked + "”：请在下面把参加的年度标为免修。");
    out.push(result.complete ? "结论：继续教育材料已齐全。" : "结论：继续教育材料尚未齐全，请按上面补齐。");
    return out;
  }

  /* Today's date in Beijing, whatever the device's zone says. */
  function beijingToday(now) {
    var shifted = new Date(now + 8 * 3600 * 1000);
    var m = shifted.getUTCMonth() + 1, d = shifted.getUTCDate();
    return shifted.getUTCFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  function chineseDate(text) {
    var parts = text.split("-");
    return +parts[0] + "年" + +parts[1] + "月" + +parts[2] + "日";
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { yearList: yearList, sentences: sentences, beijingToday: beijingToday };
  }
  if (!root.document) return;

  var R = root.NoticeboardRules;
  var P = root.NoticeboardProfile;
  /* Sets up every calculator on the page not set up yet; a handout calls it again for each view it shows. */
  function start() {
    var sections = root.document.querySelectorAll(".calculator[data-rules]");
    for (var s = 0; s < sections.length; s++) {
      // Shown again (a handout's notice view after its checklist): read the shared answers afresh.
      if (sections[s].noticeboardStarted) { if (sections[s].noticeboardRefresh) sections[s].noticeboardRefresh(); continue; }
      sections[s].noticeboardStarted = true;
      setUp(sections[s]);
    }
  }
  (root.NoticeboardViews = root.NoticeboardViews || []).push(start);

  function el(tag, attributes, text) {
    var node = root.document.createElement(tag);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function nowMillis() {
    var match = /[?&]now=([^&]+)/.exec(root.location.search);
    var parsed = match ? Date.parse(decodeURIComponent(match[1])) : NaN;
    return isNaN(parsed) ? Date.now() : parsed;
  }

  /* The calculator's form and answer boxes: the same on every page, so this script makes them
     rather than every notice page carrying them hidden; without JavaScript the section says how
     to read the same facts on the page. The years offered come from the section's data-years. */
  function body(section) {
    var years = (section.getAttribute("data-years") || "").split(" ");
    var first = String(parseInt(years[0], 10) || 0), last = String(parseInt(years[1], 10) || 0);
    return (
      '<div class="calc-body">' +
      '<form class="calc-form" novalidate>' +
      '<div class="field calc-level">' +
      '<label for="calc-level">申报级别</label>' +
      '<select id="calc-level"></select>' +
      '</div>' +
      '<div class="field">' +
      '<label for="calc-year">申报年度</label>' +
      '<input id="calc-year" type="number" inputmode="numeric" min="' + first + '" max="' + last + '" value="' + first + '" aria-describedby="calc-year-hint calc-year-error">' +
      '<p class="hint" id="calc-year-hint">改成以后的年度，可预先规划：假设规则不变、年份顺延。</p>' +
      '<p class="field-error" id="calc-year-error" role="alert"></p>' +
      '</div>' +
      '<fieldset class="calc-situation" hidden>' +
      '<legend>您的情况</legend>' +
      '<div class="calc-not-required"></div>' +
      '</fieldset>' +
      '<fieldset class="calc-years">' +
      '<legend>每年已有的继续教育（勾选已取得的证书）</legend>' +
      '<div class="calc-year-rows"></div>' +
      '</fieldset>' +
      '</form>' +
      '<div class="calc-result" id="calc-result" role="status" aria-live="polite"></div>' +
      '<div class="calc-extra">' +
      '<h3>评审费与截止时间</h3>' +
      '<p class="calc-fee" id="calc-fee"></p>' +
      '<ul class="calc-deadlines" id="calc-deadlines"></ul>' +
      '</div>' +
      '<div class="calc-service" hidden>' +
      '<h3>资历计算</h3>' +
      '<div class="field">' +
      '<label for="calc-title-date">现职称取得时间</label>' +
      '<input id="calc-title-date" type="date" aria-describedby="calc-service-result">' +
      '</div>' +
      '<p id="calc-service-result" role="status" aria-live="polite"></p>' +
      '</div>' +
      '<div class="calc-skilled" hidden>' +
      '<h3>两类人才贯通</h3>' +
      '<div class="field">' +
      '<label for="calc-qualification">已取得的职业资格或职业技能等级</label>' +
      '<select id="calc-qualification"><option value="">请选择</option></select>' +
      '</div>' +
      '<div class="field">' +
      '<label for="calc-qualification-date">取得时间</label>' +
      '<input id="calc-qualification-date" type="date" aria-describedby="calc-skilled-result">' +
      '</div>' +
      '<p id="calc-skilled-result" role="status" aria-live="polite"></p>' +
      '</div>' +
      '</div>'
    );
  }

  function setUp(section) {
    var rules;
    try {
      rules = JSON.parse(root.document.getElementById(section.getAttribute("data-rules")).textContent);
    } catch (e) {
      return;
    }
    var q = function (selector) { return section.querySelector(selector); };
    if (!q(".calc-body")) {
      var data = root.document.getElementById(section.getAttribute("data-rules"));
      if (data && data.parentNode === section) data.insertAdjacentHTML("beforebegin", body(section));
      else section.insertAdjacentHTML("beforeend", body(section));
    }
    var levelSelect = q("#calc-level");
    var yearInput = q("#calc-year");
    var yearError = q("#calc-year-error");
    var rows = q(".calc-year-rows");
    var resultBox = q("#calc-result");
    var storage = root.localStorage;
    var stateKey = "noticeboard:calculator:" + rules.notice;
    var state = { years: {}, words: {} };
    try {
      var saved = JSON.parse(storage.getItem(stateKey) || "null");
      if (saved && typeof saved === "object") {
        state.years = saved.years && typeof saved.years === "object" ? saved.years : {};
        state.words = saved.words && typeof saved.words === "object" ? saved.words : {};
        state.level = saved.level;
        state.year = saved.year;
      }
    } catch (e) { /* nothing kept: start empty */ }
    var profile = P.load(rules.notice, storage);

    function save() {
      state.level = levelSelect.value;
      state.year = yearInput.value;
      try { storage.setItem(stateKey, JSON.stringify(state)); } catch (e) { /* the answer still shows */ }
    }

    for (var i = 0; i < rules.levels.length; i++) {
      levelSelect.appendChild(el("option", { value: rules.levels[i].id }, rules.levels[i].name));
    }
    if (rules.levels.length < 2) q(".calc-level").hidden = true;
    function isLevel(id) { return rules.levels.some(function (l) { return l.id === id; }); }
    // The calculator's own last choice, else the level chosen on the checklist (the shared profile).
    if (state.level && isLevel(state.level)) levelSelect.value = state.level;
    else if (profile.level && isLevel(profile.level)) levelSelect.value = profile.level;
    if (state.year) yearInput.value = state.year;

    function currentRule() {
      return R.ruleForLevel(rules.ce, levelSelect.value);
    }

    /* The application year typed, or null with a message when it is not a sensible one. */
    function applicationYear() {
      var raw = String(yearInput.value).trim();
      var year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
      var max = rules.year + 10;
      if (isNaN(year) || year < rules.year || year > max) {
        yearError.textContent = "请输入 " + rules.year + " 至 " + max + " 之间的年份。";
        yearInput.setAttribute("aria-invalid", "true");
        return null;
      }
      yearError.textContent = "";
      yearInput.removeAttribute("aria-invalid");
      return year;
    }

    /* The applicant's situation where the notice does not require continuing education of some:
       the checklist's own questions when the group maps onto them (民营企业, 初次申报), else a box
       with the notice's words. */
    function situationBoxes() {
      var holder = q(".calc-not-required");
      while (holder.firstChild) holder.removeChild(holder.firstChild);
      var rule = currentRule();
      var groups = rule ? rule.notRequiredFor || [] : [];
      q(".calc-situation").hidden = !groups.length;
      var keys = {};
      for (var g = 0; g < groups.length; g++) {
        for (var key in groups[g].conditions || {}) keys[key] = true;
        if (groups[g].conditions) continue;
        var id = "calc-not-required-" + g;
        var box = el("input", { type: "checkbox", id: id, "data-words": groups[g].who });
        box.checked = !!state.words[groups[g].who];
        var wrap = el("div", { "class": "check-line" });
        wrap.appendChild(box);
        wrap.appendChild(el("label", { "for": id }, "我属于：" + groups[g].who + "（本通知对此不作继续教育硬性要求）"));
        holder.appendChild(wrap);
      }
      var questions = (rules.questions || []).filter(function (question) { return keys[question.key]; });
      for (var n = 0; n < questions.length; n++) holder.appendChild(questionControl(questions[n]));
    }

    function questionControl(question) {
      var id = "calc-profile-" + question.key;
      var answer = profile[question.key];
      if (question.multiple) {
        var set = el("fieldset", { "class": "field choices", "data-field": question.key });
        set.appendChild(el("legend", {}, question.label));
        for (var o = 0; o < question.options.length; o++) {
          var value = question.options[o].value;
          var line = el("div", { "class": "check-line" });
          var box = el("input", { type: "checkbox", id: id + "-" + o, "data-profile": question.key, value: value });
          box.checked = (answer || []).indexOf(value) >= 0;
          line.appendChild(box);
          line.appendChild(el("label", { "for": id + "-" + o }, question.options[o].label || value));
          set.appendChild(line);
        }
        return set;
      }
      var field = el("div", { "class": "field", "data-field": question.key });
      field.appendChild(el("label", { "for": id }, question.label));
      var select = el("select", { id: id, "data-profile": question.key });
      select.appendChild(el("option", { value: "" }, "未选择"));
      for (var p = 0; p < question.options.length; p++) {
        select.appendChild(el("option", { value: question.options[p].value }, question.options[p].value));
      }
      select.value = answer || "";
      field.appendChild(select);
      return field;
    }

    /* The question whose control changed goes into the shared profile, for the checklist too.
       Only that one: the checklist (another tab, or another view of a handout) may have changed
       the others since, so the profile is read afresh first. */
    function answerChanged(control) {
      var key = control.getAttribute("data-profile");
      profile = P.load(rules.notice, storage);
      var controls = q(".calc-not-required").querySelectorAll("[data-profile=\"" + key + "\"]");
      if (control.type === "checkbox") {
        profile[key] = [];
        for (var c = 0; c < controls.length; c++) if (controls[c].checked) profile[key].push(controls[c].value);
      } else {
        profile[key] = control.value;
      }
      profile = P.clean(profile);
      P.save(rules.notice, profile, storage);
    }

    function readWords() {
      var words = q(".calc-not-required").querySelectorAll("[data-words]");
      for (var w = 0; w < words.length; w++) state.words[words[w].getAttribute("data-words")] = words[w].checked;
    }

    /* The exemptions this applicant can claim, by index: one that stands for a question a first
       application is not asked (访惠聚 since the current title) is not offered then. */
    function offeredExemptions() {
      var out = [];
      for (var x = 0; x < rules.exemptions.length; x++) {
        var key = rules.exemptions[x].profileKey;
        if (!key || P.asked(key, profile)) out.push(x);
      }
      return out;
    }

    /* Marking a year exempt for 访惠聚 answers the checklist's question too. */
    function exemptionsIntoProfile() {
      for (var year in state.years) {
        var index = state.years[year].exemption;
        // A saved index the notice no longer has (its data changed since) stands for nothing.
        var exemption = index === null || index === undefined ? null : rules.exemptions[index];
        var key = exemption ? exemption.profileKey : null;
        if (key) profile[key] = "是";
      }
    }

    function notRequiredGroup(rule) {
      var groups = rule.notRequiredFor || [];
      var byProfile = P.notRequiredGroup(groups, profile);
      if (byProfile) return byProfile;
      for (var g = 0; g < groups.length; g++) if (!groups[g].conditions && state.words[groups[g].who]) return groups[g];
      return null;
    }

    /* The profile says 访惠聚 but no year is marked exempt: the words of that exemption, to prompt for the year. */
    function fanghuijuUnmarked() {
      if (P.effective(profile).fanghuiju !== "是") return null;
      var group = null;
      for (var x = 0; x < rules.exemptions.length; x++) if (rules.exemptions[x].profileKey === "fanghuiju") group = rules.exemptions[x];
      if (!group) return null;
      for (var year in state.years) {
        var index = state.years[year].exemption;
        if (index !== null && index !== undefined && rules.exemptions[index] === group) return null;
      }
      return group.who;
    }

    function numberField(year, key, label, rule) {
      var id = "calc-" + key + "-" + year;
      var wrap = el("div", { "class": "hours-field" });
      wrap.appendChild(el("label", { "for": id }, label));
      var input = el("input", { id: id, type: "text", inputmode: "decimal", "data-year": year, "data-key": key,
        "aria-describedby": id + "-error", size: "5" });
      var saved = (state.years[year] || {})[key + "Raw"];
      if (saved !== undefined) input.value = saved;
      wrap.appendChild(input);
      wrap.appendChild(el("span", { "class": "field-error", id: id + "-error", role: "alert" }));
      return wrap;
    }

    function buildRows(rule, required) {
      while (rows.firstChild) rows.removeChild(rows.firstChild);
      var all = required.general.concat(required.specialty).filter(function (y, i, a) { return a.indexOf(y) === i; }).sort();
      for (var r = 0; r < all.length; r++) {
        var year = all[r];
        var saved = state.years[year] || {};
        var row = el("fieldset", { "class": "calc-year", "data-year": year });
        row.appendChild(el("legend", {}, year + "年"));
        var kinds = [["general", "公需科目证书", required.general], ["specialty", "专业科目证书", required.specialty]];
        for (var k = 0; k < kinds.length; k++) {
          if (kinds[k][2].indexOf(year) < 0) continue;
          var id = "calc-" + kinds[k][0] + "-" + year;
          var line = el("div", { "class": "check-line" });
          var box = el("input", { type: "checkbox", id: id, "data-year": year, "data-key": kinds[k][0] });
          box.checked = !!saved[kinds[k][0]];
          line.appendChild(box);
          line.appendChild(el("label", { "for": id }, kinds[k][1]));
          row.appendChild(line);
        }
        if (typeof rule.hoursPerYear === "number") {
          row.appendChild(numberField(year, "hours", "全年学时", rule));
          if (typeof rule.specialtyHoursMin === "number") row.appendChild(numberField(year, "specialtyHours", "其中专业科目学时", rule));
        }
        var offered = offeredExemptions();
        if (offered.length) {
          var exId = "calc-exemption-" + year;
          var exWrap = el("div", { "class": "exemption-field" });
          exWrap.appendChild(el("label", { "for": exId }, "本年免修"));
          var select = el("select", { id: exId, "data-year": year, "data-key": "exemption" });
          select.appendChild(el("option", { value: "" }, "不免修"));
          for (var x = 0; x < offered.length; x++) {
            select.appendChild(el("option", { value: String(offered[x]) }, rules.exemptions[offered[x]].who));
          }
          var chosen = saved.exemption === undefined || saved.exemption === null ? "" : String(saved.exemption);
          select.value = offered.indexOf(Number(chosen)) >= 0 ? chosen : "";
          exWrap.appendChild(select);
          row.appendChild(exWrap);
        }
        rows.appendChild(row);
      }
    }

    /* Reads a year's hours; text that is not a number is reported beside the field, never used. */
    function readNumber(input) {
      var raw = String(input.value).trim().replace(/，/g, "").replace(/。/g, ".");
      var error = root.document.getElementById(input.id + "-error");
      if (raw === "") { error.textContent = ""; input.removeAttribute("aria-invalid"); return null; }
      if (!/^\d+(\.\d+)?$/.test(raw)) {
        error.textContent = "请输入数字（学时）。";
        input.setAttribute("aria-invalid", "true");
        return null;
      }
      error.textContent = "";
      input.removeAttribute("aria-invalid");
      return Number(raw);
    }

    function readRows() {
      var controls = rows.querySelectorAll("[data-year]");
      for (var c = 0; c < controls.length; c++) {
        var control = controls[c];
        var year = control.getAttribute("data-year");
        var key = control.getAttribute("data-key");
        if (!key) continue;
        var entry = state.years[year] || (state.years[year] = {});
        if (control.type === "checkbox") entry[key] = control.checked;
        else if (key === "exemption") entry.exemption = control.value === "" ? null : Number(control.value);
        else { entry[key + "Raw"] = control.value; entry[key] = readNumber(control); }
      }
    }

    function showResult(lines) {
      while (resultBox.firstChild) resultBox.removeChild(resultBox.firstChild);
      var list = el("ul", {});
      for (var l = 0; l < lines.length; l++) list.appendChild(el("li", {}, lines[l]));
      resultBox.appendChild(list);
    }

    function update(rebuild) {
      var rule = currentRule();
      var year = applicationYear();
      if (!rule) {
        rows.textContent = "";
        showResult(["本通知没有列出该级别的继续教育要求。"]);
        updateFee();
        return;
      }
      if (year === null) {
        showResult(["请先更正申报年度。"]);
        return;
      }
      var shift = year - rules.year;
      readWords();
      if (rebuild) buildRows(rule, R.requiredYears(rule, shift));
      readRows();
      profile = P.load(rules.notice, storage);
      exemptionsIntoProfile();
      P.save(rules.notice, profile, storage);
      save();
      var group = notRequiredGroup(rule);
      var input = { shift: shift, notRequired: !!group, years: state.years };
      var result = R.evaluateCE(rule, input);
      rows.hidden = result.notRequired;
      showResult(sentences(rule, result, rules, {
        year: year, years: state.years, notRequiredLabel: group ? group.who : "", fanghuijuUnmarked: fanghuijuUnmarked()
      }));
      updateFee();
    }

    function updateFee() {
      var amount = R.fee(rules.fees, levelSelect.value);
      var level = levelSelect.options[levelSelect.selectedIndex];
      q("#calc-fee").textContent = amount === null
        ? "本通知未列明" + (level ? level.textContent : "") + "的评审费金额。"
        : (level ? level.textContent : "") + "的评审费：" + amount + " 元。";
    }

    function updateDeadlines() {
      var list = q("#calc-deadlines");
      while (list.firstChild) list.removeChild(list.firstChild);
      var now = nowMillis();
      for (var d = 0; d < rules.deadlines.length; d++) {
        var deadline = rules.deadlines[d];
        var status = root.NoticeboardStatus ? root.NoticeboardStatus.windowStatus(deadline.start, deadline.end, now, deadline.kind) : null;
        var item = el("li", {}, deadline.label + "：" + deadline.when + "（北京时间）");
        if (status) item.appendChild(el("span", { "class": "window-status status-" + status.state }, status.text));
        list.appendChild(item);
      }
    }

    function updateService() {
      var out = q("#calc-service-result");
      var value = q("#calc-title-date").value;
      if (!value) { out.textContent = "填写取得时间后，显示截至" + chineseDate(rules.cutoff) + "的任职年限。"; return; }
      var length = R.serviceLength(value, rules.cutoff);
      if (length.error === "after-cutoff") out.textContent = "取得时间晚于资历计算截止日（" + chineseDate(rules.cutoff) + "），请检查。";
      else if (length.error) out.textContent = "请填写有效的日期。";
      else out.textContent = "截至" + chineseDate(rules.cutoff) + "，任现职满 " + length.years + " 年 " + length.months + " 个月。";
    }

    function updateSkilled() {
      var out = q("#calc-skilled-result");
      var qualification = q("#calc-qualification").value;
      var obtained = q("#calc-qualification-date").value;
      if (!qualification || !obtained) { out.textContent = "选择职业资格并填写取得时间后显示结果。"; return; }
      var asOf = rules.cutoff || beijingToday(nowMillis());
      var outcome = R.skilledTrack(rules.skilled, qualification, obtained, asOf);
      if (outcome.error === "after-cutoff") { out.textContent = "取得时间晚于" + chineseDate(asOf) + "，请检查。"; return; }
      if (outcome.error) { out.textContent = "请填写有效的日期。"; return; }
      var served = "截至" + chineseDate(asOf) + "，已从事技术技能工作 " + outcome.served.years + " 年 " + outcome.served.months + " 个月";
      out.textContent = outcome.eligible
        ? served + "，满 " + outcome.yearsNeeded + " 年，可申报" + outcome.toRank + "职称。"
        : served + "，需满 " + outcome.yearsNeeded + " 年，" + chineseDate(outcome.eligibleFrom) + "起可申报" + outcome.toRank + "职称。";
    }

    if (rules.cutoff) {
      q(".calc-service").hidden = false;
      q("#calc-title-date").addEventListener("input", updateService);
      updateService();
    }
    if (rules.skilled) {
      q(".calc-skilled").hidden = false;
      for (var k = 0; k < rules.skilled.length; k++) {
        q("#calc-qualification").appendChild(el("option", { value: rules.skilled[k].from }, rules.skilled[k].from));
      }
      q("#calc-qualification").addEventListener("change", updateSkilled);
      q("#calc-qualification-date").addEventListener("input", updateSkilled);
      updateSkilled();
    }

    levelSelect.addEventListener("change", function () { situationBoxes(); update(true); });
    yearInput.addEventListener("input", function () { update(true); });
    section.querySelector(".calc-form").addEventListener("change", function (event) {
      if (event.target === levelSelect || event.target === yearInput) return;
      var isAnswer = !!(event.target.getAttribute && event.target.getAttribute("data-profile"));
      if (isAnswer) answerChanged(event.target);
      // A changed situation can change which exemptions the year rows offer.
      update(isAnswer);
    });
    // Answers given meanwhile in the checklist: another view of a handout, another tab, or a page
    // the browser brings back from its history.
    section.noticeboardRefresh = function () {
      profile = P.load(rules.notice, storage);
      situationBoxes();
      update(true);
    };
    root.addEventListener("pageshow", function (event) { if (event.persisted) section.noticeboardRefresh(); });
    root.addEventListener("storage", function (event) { if (event.key === P.storageKey(rules.notice)) section.noticeboardRefresh(); });
    rows.addEventListener("input", function () { update(false); });
    section.querySelector(".calc-form").addEventListener("submit", function (event) { event.preventDefault(); });

    situationBoxes();
    update(true);
    updateDeadlines();
  }

  start();
})(typeof window !== "undefined" ? window : globalThis);
