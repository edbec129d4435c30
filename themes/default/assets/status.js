/* Application-window status: "open, 3 days 4 hours left" beside the static dates.
   Times in the page carry their +08:00 offset, so the answer is right in any time zone.
   Classic script: runs from file:// and inside WeChat; the dates stay readable without it. */
(function (root) {
  "use strict";

  var HOUR = 3600 * 1000;
  var DAY = 24 * HOUR;

  function span(ms) {
    if (ms >= DAY) {
      var days = Math.floor(ms / DAY);
      var hours = Math.floor((ms % DAY) / HOUR);
      return days + " 天" + (hours ? " " + hours + " 小时" : "");
    }
    if (ms >= HOUR) {
      var h = Math.floor(ms / HOUR);
      var m = Math.floor((ms % HOUR) / 60000);
      return h + " 小时" + (m ? " " + m + " 分钟" : "");
    }
    return Math.max(1, Math.floor(ms / 60000)) + " 分钟";
  }

  /* The words of each step of the timeline (its `kind`): while it runs, what its end is, and once
     it is over (the site writes the last at build time for readers without JavaScript:
     TimelineEvent.Kind.closedWords). A review period is not "正在申报". */
  var WORDS = {
    apply: ["正在申报", "截止", "已截止"],
    review: ["审核中", "结束", "已结束"],
    feedback: ["进行中", "截止", "已截止"],
    payment: ["缴费中", "截止", "已截止"],
    paper: ["材料报送中", "截止", "已截止"],
    defence: ["答辩进行中", "结束", "已结束"],
    publicity: ["公示中", "结束", "已结束"],
    result: ["进行中", "结束", "已结束"],
    other: ["进行中", "结束", "已结束"]
  };

  /* state: "upcoming" | "open" | "closed"; text: what the reader sees. kind defaults to apply. */
  function windowStatus(startISO, endISO, now, kind) {
    var words = WORDS[kind] || WORDS.apply;
    var start = startISO ? Date.parse(startISO) : NaN;
    var end = endISO ? Date.parse(endISO) : NaN;
    if (!isNaN(start) && now < start) {
      return { state: "upcoming", text: "尚未开始，距开始还有 " + span(start - now) };
    }
    if (!isNaN(end) && now <= end) {
      // A deadline with no start (pay by …) is not a period that is running.
      var running = !isNaN(start) || words === WORDS.apply;
      return { state: "open", text: (running ? words[0] + "，" : "") + "距" + words[1] + "还有 " + span(end - now) };
    }
    if (!isNaN(end)) {
      return { state: "closed", text: words[2] };
    }
    return { state: "open", text: words === WORDS.apply ? "已开始" : words[0] };
  }

  function nowFromPage() {
    /* ?now=2024-08-01T00:00:00%2B08:00 lets an office preview a page as of a given moment. */
    var match = /[?&]now=([^&]+)/.exec(root.location ? root.location.search : "");
    var parsed = match ? Date.parse(decodeURIComponent(match[1])) : NaN;
    return isNaN(parsed) ? Date.now() : parsed;
  }

  function update() {
    var now = nowFromPage();
    var nodes = root.document.querySelectorAll(".window-status[data-end], .window-status[data-start]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var status = windowStatus(node.getAttribute("data-start"), node.getAttribute("data-end"), now, node.getAttribute("data-kind"));
      node.textContent = status.text;
      node.className = "window-status status-" + status.state;
      node.hidden = false;
    }
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { windowStatus: windowStatus, span: span, WORDS: WORDS };
  }
  root.NoticeboardStatus = { windowStatus: windowStatus };
  if (root.document) {
    (root.NoticeboardViews = root.NoticeboardViews || []).push(update);
    update();
    root.setInterval(update, 60000);
  }
})(typeof window !== "undefined" ? window : globalThis);
