/* The applicant's situation (申报级别, 单位类型, 初次申报, 访惠聚 …), one per notice, shared by the checklist's
   filter and the calculator, so both tools answer from the same answers. Kept in this browser and
   written into the address, so an HR office can send a link that opens already filtered.
   Classic script: defines window.NoticeboardProfile; works from file:// and in WeChat. */
(function (root) {
  "use strict";

  var FIELDS = ["level", "employer", "title", "first", "fanghuiju", "minority", "county", "skilled", "sub"];
  var YES_NO = ["first", "fanghuiju", "minority", "county", "skilled"];
  /* An applicant may be several of these at once: a civil servant who moved to a 事业单位 is
     事业单位 and 机关转任; an out-of-province private company's employee in Xinjiang is 民营企业 and 驻疆单位. */
  var MULTIPLE = { employer: true };

  function list(value) {
    if (Array.isArray(value)) return value.filter(function (v) { return typeof v === "string" && v !== ""; });
    if (typeof value === "string" && value !== "") return value.split(",").filter(function (v) { return v !== ""; });
    return [];
  }

  /* Only known fields with answers; employer is a list (a single string from an older save or link is read as one). */
  function clean(profile) {
    var out = {};
    for (var i = 0; i < FIELDS.length; i++) {
      var key = FIELDS[i], value = profile && profile[key];
      if (MULTIPLE[key]) {
        var values = list(value);
        if (values.length) out[key] = values;
      } else if (typeof value === "string" && value !== "") {
        out[key] = value;
      }
    }
    return out;
  }

  /* The answers that count: a first application has no current title, so where it was obtained
     and what was done while holding it (访惠聚 since the current title) are not asked then; the
     answers stay saved in case the applicant changes their mind. */
  function effective(profile) {
    var out = clean(profile);
    if (out.first === "是") { delete out.title; delete out.fanghuiju; }
    return out;
  }

  /* Which questions stand for this profile: a first-time applicant is not asked about a current title. */
  function asked(field, profile) {
    if ((field === "title" || field === "fanghuiju") && profile && profile.first === "是") return false;
    return true;
  }

  function employerFits(wanted, types) {
    for (var i = 0; i < types.length; i++) {
      if (wanted.indexOf(types[i]) >= 0) return true;
      // A private company (民营企业) is a company (企业) too.
      if (types[i] === "民营企业" && wanted.indexOf("企业") >= 0) return true;
    }
    return false;
  }

  /* Does an item with these conditions apply? An unanswered question hides nothing, so an
     applicant who skips the form sees everything. */
  function applies(conditions, profile) {
    var c = conditions || {}, p = effective(profile);
    var types = list(p.employer);
    // An item of some levels only (levels: its level ids) does not concern an applicant for another.
    if (c.levels && c.levels.length && p.level && c.levels.indexOf(p.level) < 0) return false;
    if (c.employer && c.employer.length && types.length && !employerFits(c.employer, types)) return false;
    // An item about the current title does not concern a first application.
    if (c.title && p.first === "是") return false;
    if (c.title && p.title && c.title !== p.title) return false;
    for (var i = 0; i < YES_NO.length; i++) {
      var key = YES_NO[i];
      if (typeof c[key] === "boolean" && p[key] && c[key] !== (p[key] === "是")) return false;
    }
    if (c.sub && c.sub.length && p.sub && c.sub.indexOf(p.sub) < 0) return false;
    return true;
  }

  /* Does the applicant certainly belong to the group these conditions describe? Unlike applies(),
     every condition must be answered and met: an exemption is never granted on a guess. */
  function belongs(conditions, profile) {
    var c = conditions || {}, p = effective(profile);
    var stated = 0;
    if (c.employer && c.employer.length) {
      stated++;
      if (!employerFits(c.employer, list(p.employer))) return false;
    }
    if (c.title) { stated++; if (p.title !== c.title) return false; }
    for (var i = 0; i < YES_NO.length; i++) {
      var key = YES_NO[i];
      if (typeof c[key] !== "boolean") continue;
      stated++;
      if (!p[key] || c[key] !== (p[key] === "是")) return false;
    }
    if (c.sub && c.sub.length) { stated++; if (c.sub.indexOf(p.sub) < 0) return false; }
    return stated > 0;
  }

  /* The first group of a continuing-education rule's "not required for" the applicant belongs to,
     or null. A group of some levels' rules only (levels) holds only for an applicant who chose one
     of them: no level chosen, no exemption. */
  function notRequiredGroup(groups, profile) {
    var level = clean(profile).level;
    for (var i = 0; i < (groups || []).length; i++) {
      var levels = groups[i].levels;
      if (levels && levels.length && (!level || levels.indexOf(level) < 0)) continue;
      if (groups[i].conditions && belongs(groups[i].conditions, profile)) return groups[i];
    }
    return null;
  }

  /* The profile named in a query string, or null when it names none. */
  function fromQuery(search) {
    var profile = {}, found = false;
    var pairs = (search || "").replace(/^\?/, "").split("&");
    for (var i = 0; i < pairs.length; i++) {
      var pair = pairs[i].split("=");
      var key = decodeURIComponent(pair[0] || "");
      if (FIELDS.indexOf(key) >= 0 && pair.length > 1) {
        profile[key] = decodeURIComponent(pair.slice(1).join("=").replace(/\+/g, " "));
        found = true;
      }
    }
    return found ? clean(profile) : null;
  }

  /* The query string for a profile, keeping any other parameter already there. */
  function toQuery(search, profile) {
    var kept = [];
    var pairs = (search || "").replace(/^\?/, "").split("&");
    for (var i = 0; i < pairs.length; i++) {
      if (!pairs[i]) continue;
      if (FIELDS.indexOf(decodeURIComponent(pairs[i].split("=")[0])) < 0) kept.push(pairs[i]);
    }
    var p = clean(profile);
    for (var j = 0; j < FIELDS.length; j++) {
      var value = p[FIELDS[j]];
      if (value) kept.push(FIELDS[j] + "=" + encodeURIComponent(MULTIPLE[FIELDS[j]] ? value.join(",") : value));
    }
    return kept.length ? "?" + kept.join("&") : "";
  }

  function storageKey(notice) {
    return "noticeboard:profile:" + notice;
  }

  /* The saved profile of a notice; the checklist kept it beside its ticks before, so that is read too. */
  function load(notice, storage) {
    try {
      var saved = JSON.parse(storage.getItem(storageKey(notice)) || "null");
      if (saved && typeof saved === "object") return clean(saved);
      var older = JSON.parse(storage.getItem("noticeboard:checklist:" + notice) || "null");
      return clean(older && older.profile);
    } catch (e) {
      return {};
    }
  }

  /* False when this browser keeps nothing (private mode, some embedded browsers). */
  function save(notice, profile, storage) {
    try {
      storage.setItem(storageKey(notice), JSON.stringify(clean(profile)));
      return true;
    } catch (e) {
      return false;
    }
  }

  var api = {
    FIELDS: FIELDS, clean: clean, effective: effective, asked: asked, applies: applies, belongs: belongs, notRequiredGroup: notRequiredGroup,
    fromQuery: fromQuery, toQuery: toQuery, storageKey: storageKey, load: load, save: save
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.NoticeboardProfile = api;
})(typeof window !== "undefined" ? window : globalThis);
