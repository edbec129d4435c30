/* Fillable templates: typing in the form fills the document's blanks live; values are kept in this
   browser for the notice's other templates so a name is typed once; the 公示 end date follows from
   its start and "at least 5 working days", skipping weekends and official holidays (with make-up
   working days) from content/calendar.yml, and the 公示结果 is dated after it. Before print the
   document is fitted to one A4 page where a modest tightening does it. Values reach the page with
   textContent only, never as markup. Without JavaScript the blank document still prints. */
(function (root) {
  "use strict";

  var DAY = 86400000;

  /* "2024-08-01" ↔ a UTC midnight: calendar arithmetic that no time zone can shift. */
  function toUTC(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    if (!m) return null;
    var t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    var d = new Date(t);
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? t : null;
  }

  function fromUTC(t) {
    var d = new Date(t);
    var m = d.getUTCMonth() + 1, day = d.getUTCDate();
    return d.getUTCFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }

  /* The page's calendar writes a run of days off as one interval, "2024-10-01/2024-10-07"
     (TemplatePageModel.calendarJSON): the days, one by one. Anything else is kept as it is. */
  function days(list) {
    var out = [];
    for (var i = 0; i < (list || []).length; i++) {
      var parts = String(list[i]).split("/");
      var from = toUTC(parts[0]), to = parts.length === 2 ? toUTC(parts[1]) : null;
      if (from === null || to === null || to < from || to - from > 366 * DAY) { out.push(list[i]); continue; }
      for (var t = from; t <= to; t += DAY) out.push(fromUTC(t));
    }
    return out;
  }

  function readCalendar(data) {
    return { holidays: days(data && data.holidays), workdays: days(data && data.workdays), years: (data && data.years) || [] };
  }

  function isWorkingDay(text, calendar) {
    if (calendar.workdays.indexOf(text) >= 0) return true;
    if (calendar.holidays.indexOf(text) >= 0) return false;
    var weekday = new Date(toUTC(text)).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /* The date of the count-th working day on or after the start: when a 公示 of that many working
     days ends. Null when the date is invalid or its year is not in the calendar. */
  function addWorkingDays(start, count, calendar) {
    var t = toUTC(start);
    if (t === null) return null;
    var year = new Date(t).getUTCFullYear();
    if (calendar.years.indexOf(year) < 0) return { error: "no-calendar", year: year };
    var counted = 0;
    for (var i = 0; i < 60; i++) {
      var day = fromUTC(t + i * DAY);
      if (isWorkingDay(day, calendar)) counted++;
      if (counted === count) return { date: day };
    }
    return null;
  }

  /* Calendar days from start to end, both included. */
  function daysInclusive(start, end) {
    var a = toUTC(start), b = toUTC(end);
    if (a === null || b === null || b < a) return null;
    return Math.round((b - a) / DAY) + 1;
  }

  function chineseDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    return m ? +m[1] + "年" + +m[2] + "月" + +m[3] + "日" : text;
  }

  function validIdNumber(text) {
    return /^\d{17}[\dXx]$/.test(text);
  }

  /* The first working day after the 公示's last day: the earliest an office can state that the
     公示 passed without objection (objections may come in until the end of its last day), and
     offices seal documents on working days. A year missing from the calendar counts weekdays. */
  function dayAfterPublicity(end, calendar) {
    var t = toUTC(end);
    if (t === null) return null;
    for (var i = 1; i <= 30; i++) {
      var day = fromUTC(t + i * DAY);
      if (isWorkingDay(day, calendar)) return day;
    }
    return null;
  }

  /* Fields that belong to one document, not to the applicant: each template's 落款 date is its
     own (a 公示 is signed when it is posted, its result only after it ends), so it is kept per template. */
  var OWN_FIELDS = ["date"];

  function storedName(field, template) {
    return OWN_FIELDS.indexOf(field) >= 0 ? field + "@" + template : field;
  }

  /* What the document shows for a field: what was typed (for this template, if it is its own
     field; an emptied own field stays empty, to be written by hand), else what follows from other
     values — a 公示结果 is dated after its 公示 ends. page: { template, kind }. */
  function shownValue(field, values, page, calendar) {
    var name = storedName(field, page.template);
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
    if (field === "date" && page.kind === "公示结果" && values.end_date) return dayAfterPublicity(values.end_date, calendar) || "";
    return "";
  }

  /* Tightening steps (classes in site.css), mildest first: less space around the title and the
     signature, then a smaller line height, then 15 and 14 pt type. The first whose height fits the
     225 mm text block wins; when none does the document keeps its full size and runs to a second
     page, its closing block kept with the last paragraph. measure(step) returns a height in px. */
  var FIT_STEPS = ["", "fit-1", "fit-2", "fit-3", "fit-4"];
  var TEXT_BLOCK = 225 * 96 / 25.4;

  function chooseFit(measure, limit) {
    for (var i = 0; i < FIT_STEPS.length; i++) {
      if (measure(FIT_STEPS[i]) <= limit) return FIT_STEPS[i];
    }
    return "";
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { addWorkingDays: addWorkingDays, daysInclusive: daysInclusive, chineseDate: chineseDate,
      isWorkingDay: isWorkingDay, readCalendar: readCalendar, validIdNumber: validIdNumber, dayAfterPublicity: dayAfterPublicity,
      shownValue: shownValue, storedName: storedName, chooseFit: chooseFit, FIT_STEPS: FIT_STEPS, TEXT_BLOCK: TEXT_BLOCK };
  }
  if (!root.document) return;

  /* Lays a copy of the document out as print does (156 mm wide, print type, see .print-geometry
     in site.css) away from view, and gives the document the mildest step that fits one page. */
  function fit() {
    var paper = root.document.getElementById("document");
    if (!paper) return;
    var probe = paper.cloneNode(true);
    probe.removeAttribute("id");
    var holder = root.document.createElement("div");
    holder.className = "print-measure";
    holder.setAttribute("aria-hidden", "true");
    holder.appendChild(probe);
    root.document.body.appendChild(holder);
    function measure(step) {
      setFit(probe, step);
      probe.classList.add("print-geometry");
      return probe.getBoundingClientRect().height;
    }
    // A little under the text block: print may round line boxes differently from the screen.
    var step = chooseFit(measure, TEXT_BLOCK - 4);
    root.document.body.removeChild(holder);
    setFit(paper, step);
  }

  function setFit(paper, step) {
    for (var i = 1; i < FIT_STEPS.length; i++) paper.classList.toggle(FIT_STEPS[i], FIT_STEPS[i] === step);
  }

  /* What the page says once the form is there, in place of how to print without it. */
  var FORM_HELP = "在下面的表单中填写，右侧（手机上为下方）的公文会同步更新；留空的地方打印出来是空白横线，可以手写。点“打印公文”只打印公文，纸张为 A4。";

  /* Sets the page's template form up, once. */
  function start() {
    var page = root.document.getElementById("template");
    if (!page || page.noticeboardStarted) return;
    page.noticeboardStarted = true;

    var notice = page.getAttribute("data-notice");
    var here = { template: page.getAttribute("data-template") || "", kind: page.getAttribute("data-kind") || "" };
    var key = "noticeboard:template-values:" + notice;
    var form = root.document.getElementById("template-form");
    var keep = root.document.getElementById("keep-values");
    var calendar = { holidays: [], workdays: [], years: [] };
    try { calendar = readCalendar(JSON.parse(root.document.getElementById("working-calendar").textContent)); } catch (e) { /* keep the empty calendar */ }
    var values = {};
    var endChosenByHand = false;

    function load() {
      try {
        var saved = JSON.parse(root.localStorage.getItem(key) || "null");
        if (saved && typeof saved === "object") {
          values = saved.values || {};
          endChosenByHand = !!saved.endChosenByHand;
          if (saved.keep === false) keep.checked = false;
        }
      } catch (e) { /* storage unavailable: values live for this page only */ }
    }

    function save() {
      try {
        if (keep.checked) root.localStorage.setItem(key, JSON.stringify({ values: values, endChosenByHand: endChosenByHand, keep: true }));
        else root.localStorage.setItem(key, JSON.stringify({ values: {}, keep: false }));
      } catch (e) { /* nothing to do */ }
    }

    function display(field, value) {
      if (!value) return "";
      if (field === "start_date" || field === "end_date" || field === "date") return chineseDate(value);
      return value;
    }

    function render() {
      var blanks = page.querySelectorAll(".ph[data-field]");
      for (var i = 0; i < blanks.length; i++) {
        var field = blanks[i].getAttribute("data-field");
        var shown = display(field, shownValue(field, values, here, calendar));
        blanks[i].textContent = shown || blanks[i].getAttribute("data-blank");
        blanks[i].classList.toggle("empty", !shown);
      }
      fit();
    }

    function controls() {
      return form.querySelectorAll("input[name], select[name], textarea[name]");
    }

    function fillForm() {
      var list = controls();
      for (var i = 0; i < list.length; i++) {
        var control = list[i];
        var name = control.getAttribute("name");
        if (OWN_FIELDS.indexOf(name) >= 0) {
          control.value = shownValue(name, values, here, calendar);
          continue;
        }
        if (values[name] === undefined) {
          var fallback = control.getAttribute("data-default") || control.getAttribute("value") || "";
          if (fallback) values[name] = fallback;
        }
        control.value = values[name] || "";
      }
    }

    function message(name, text) {
      var box = root.document.getElementById("field-" + name + "-error");
      if (box) box.textContent = text;
      var control = root.document.getElementById("field-" + name);
      if (control) {
        if (text) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }

    function deriveDates(changed) {
      if (changed === "end_date") endChosenByHand = !!values.end_date;
      if ((changed === "start_date" || changed === null) && values.start_date && !endChosenByHand) {
        var end = addWorkingDays(values.start_date, 5, calendar);
        if (end && end.date) {
          values.end_date = end.date;
          message("start_date", "");
        } else if (end && end.error === "no-calendar") {
          message("start_date", end.year + "年的节假日安排尚未录入，结束日期请按实际工作日手工填写。");
        }
        var endControl = root.document.getElementById("field-end_date");
        if (endControl) endControl.value = values.end_date || "";
      }
      if (values.start_date && values.end_date) {
        var days = daysInclusive(values.start_date, values.end_date);
        if (days === null) message("end_date", "结束日期早于开始日期，请检查。");
        else {
          message("end_date", "");
          if (changed !== "days") {
            values.days = String(days);
            var daysControl = root.document.getElementById("field-days");
            if (daysControl) daysControl.value = values.days;
          }
        }
      }
    }

    function onInput(event) {
      var control = event.target;
      var name = control.getAttribute && control.getAttribute("name");
      if (!name) return;
      var value = String(control.value).trim();
      if (name === "id_number" && value && !validIdNumber(value)) message(name, "身份证号应为18位，最后一位可以是X。");
      else if (name === "days" && value && !/^\d+$/.test(value)) message(name, "请填写天数（数字）。");
      else message(name, "");
      // A document's own field keeps even an emptied value: the user chose to write it by hand.
      if (OWN_FIELDS.indexOf(name) >= 0) values[storedName(name, here.template)] = value;
      else if (value) values[name] = value; else delete values[name];
      if (name === "start_date" || name === "end_date" || name === "days") deriveDates(name);
      save();
      render();
    }

    load();
    deriveDates(null);
    form.hidden = false;
    // The form is there now: say how to fill it in, not how to print without it.
    root.document.getElementById("template-help").textContent = FORM_HELP;
    fillForm();
    render();
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    keep.addEventListener("change", save);
    if (root.document.fonts && root.document.fonts.ready) root.document.fonts.ready.then(fit);
    root.document.getElementById("print-document").addEventListener("click", function () { fit(); root.print(); });
    root.document.getElementById("clear-values").addEventListener("click", function () {
      if (!root.confirm("清空本通知各模板中填写的信息？")) return;
      values = {};
      endChosenByHand = false;
      save();
      fillForm();
      render();
    });
  }
  // Printing from the browser's menu fits again: fonts that arrived late change the lines.
  root.addEventListener("beforeprint", fit);
  // A handout shows one view at a time and calls this again for each view it shows.
  (root.NoticeboardViews = root.NoticeboardViews || []).push(start);
  start();
})(typeof window !== "undefined" ? window : globalThis);
