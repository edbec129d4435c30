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

  /* state: "upcoming" | "open" | "closed"; text: what the reader sees. */
  function windowStatus(startISO, endISO, now) {
    var start = startISO ? Date.parse(startISO) : NaN;
    var end = endISO ? Date.parse(endISO) : NaN;
    if (!isNaN(start) && now < start) {
      return { state: "upcoming", text: "尚未开始，距开始还有 " + span(start - now) };
    }
    if (!isNaN(end) && now <= end) {
      return { state: "open", text: "正在申报，距截止还有 " + span(end - now) };
    }
    if (!isNaN(end)) {
      return { state: "closed", text: "已截止" };
    }
    return { state: "open", text: "已开始" };
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
      var status = windowStatus(node.getAttribute("data-start"), node.getAttribute("data-end"), now);
      node.textContent = status.text;
      node.className = "window-status status-" + status.state;
      node.hidden = false;
    }
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { windowStatus: windowStatus, span: span };
  }
  root.NoticeboardStatus = { windowStatus: windowStatus };
  if (root.document) {
    (root.NoticeboardViews = root.NoticeboardViews || []).push(update);
    update();
    root.setInterval(update, 60000);
  }
})(typeof window !== "undefined" ? window : globalThis);
