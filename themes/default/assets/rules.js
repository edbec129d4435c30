/* Noticeboard's rule engine for the browser: continuing education (继续教育), years of service,
   the skilled-worker track and fees. Pure functions over the notice's rules as data; the same
   rules are evaluated in Swift (NoticeModel/Rules) and both run Tests/Vectors/rules.json.
   Dates are calendar dates as the notice prints them (Beijing time); nothing here reads the
   device's time zone. Classic script: defines window.NoticeboardRules. */
(function (root) {
  "use strict";

  function range(pair, shift) {
    if (!pair) return [];
    var years = [];
    for (var y = pair[0] + shift; y <= pair[1] + shift; y++) years.push(y);
    return years;
  }

  /* The rule for a level: the first one naming it, else the first one for every level. */
  function ruleForLevel(rules, level) {
    var fallback = null;
    for (var i = 0; i < rules.length; i++) {
      var levels = rules[i].levels || [];
      if (levels.indexOf(level) >= 0) return rules[i];
      if (!levels.length && !fallback) fallback = rules[i];
    }
    return fallback;
  }

  /* Which years are required, shifted when planning for a later application year. */
  function requiredYears(rule, shift) {
    return { general: range(rule.general, shift || 0), specialty: range(rule.specialty, shift || 0) };
  }

  function isNumber(value) {
    return typeof value === "number" && isFinite(value);
  }

  /* input: { shift, notRequired, years: { "2022": { general, specialty, hours, specialtyHours, exemption } } }
     exemption is the index of one of the notice's exemptions, or null. */
  function evaluateCE(rule, input) {
    input = input || {};
    var shift = input.shift || 0;
    var years = input.years || {};
    var required = requiredYears(rule, shift);
    var result = {
      notRequired: !!input.notRequired,
      required: required,
      covered: { general: [], specialty: [] },
      missing: { general: [], specialty: [] },
      exempt: [],
      platform: { general: [], specialty: [] },
      upload: { general: [], specialty: [] },
      hoursShort: [],
      hoursUnknown: [],
      complete: true
    };
    if (result.notRequired) return result;

    function entry(year) { return years[String(year)] || {}; }
    function isExempt(year) { var e = entry(year).exemption; return e !== null && e !== undefined; }

    var kinds = [["general", "platformGeneralFrom"], ["specialty", "platformSpecialtyFrom"]];
    for (var k = 0; k < kinds.length; k++) {
      var kind = kinds[k][0], from = rule[kinds[k][1]];
      var list = required[kind];
      for (var i = 0; i < list.length; i++) {
        var year = list[i];
        if (isExempt(year)) {
          if (result.exempt.indexOf(year) < 0) result.exempt.push(year);
          continue;
        }
        if (isNumber(from) && year >= from) result.platform[kind].push(year);
        else result.upload[kind].push(year);
        if (entry(year)[kind]) result.covered[kind].push(year);
        else result.missing[kind].push(year);
      }
    }
    result.exempt.sort(function (a, b) { return a - b; });

    if (isNumber(rule.hoursPerYear)) {
      var all = required.general.concat(required.specialty).filter(function (y, i, a) { return a.indexOf(y) === i; });
      all.sort(function (a, b) { return a - b; });
      for (var j = 0; j < all.length; j++) {
        var y = all[j], e = entry(y);
        if (isExempt(y)) continue;
        var needsSpecialty = isNumber(rule.specialtyHoursMin);
        if (!isNumber(e.hours) || (needsSpecialty && !isNumber(e.specialtyHours))) { result.hoursUnknown.push(y); continue; }
        if (e.hours < rule.hoursPerYear || (needsSpecialty && e.specialtyHours < rule.specialtyHoursMin)) result.hoursShort.push(y);
      }
    }
    result.complete = !result.missing.general.length && !result.missing.specialty.length &&
      !result.hoursShort.length && !result.hoursUnknown.length;
    return result;
  }

  /* "2024-12-31" → {y, m, d}, or null when it is not a real date. */
  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    if (!match) return null;
    var y = +match[1], m = +match[2], d = +match[3];
    if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
    return { y: y, m: m, d: d };
  }

  function daysIn(y, m) {
    if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].indexOf(m) >= 0 ? 30 : 31;
  }

  function compareDates(a, b) {
    return (a.y - b.y) || (a.m - b.m) || (a.d - b.d);
  }

  /* Full years and months from one date to another: 2020-02-29 → 2024-02-28 is 3 years 11 months. */
  function serviceLength(fromText, toText) {
    var from = parseDate(fromText), to = parseDate(toText);
    if (!from || !to) return { error: "invalid-date" };
    if (compareDates(from, to) > 0) return { error: "after-cutoff" };
    var years = to.y - from.y;
    var months = to.m - from.m;
    if (to.d < from.d) months -= 1;
    if (months < 0) { years -= 1; months += 12; }
    return { years: years, months: months };
  }

  /* The same day N years later; 29 February becomes 28 February in a common year. */
  function addYears(text, count) {
    var date = parseDate(text);
    var y = date.y + count;
    var d = Math.min(date.d, daysIn(y, date.m));
    return y + "-" + (date.m < 10 ? "0" : "") + date.m + "-" + (d < 10 ? "0" : "") + d;
  }

  /* 两类人才贯通: with this qualification since this date, counted to this date, which rank opens? */
  function skilledTrack(steps, qualification, obtained, asOf) {
    var step = null;
    for (var i = 0; i < steps.length; i++) if (steps[i].from === qualification) step = steps[i];
    if (!step) return { error: "unknown-qualification" };
    var length = serviceLength(obtained, asOf);
    if (length.error) return length;
    var eligibleFrom = addYears(obtained, step.years);
    return {
      eligible: length.years >= step.years,
      toRank: step.toRank,
      yearsNeeded: step.years,
      served: length,
      eligibleFrom: eligibleFrom
    };
  }

  function fee(fees, level) {
    return fees && Object.prototype.hasOwnProperty.call(fees, level) ? fees[level] : null;
  }

  var api = {
    ruleForLevel: ruleForLevel, requiredYears: requiredYears, evaluateCE: evaluateCE,
    parseDate: parseDate, serviceLength: serviceLength, addYears: addYears, skilledTrack: skilledTrack, fee: fee
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.NoticeboardRules = api;
})(typeof window !== "undefined" ? window : globalThis);
