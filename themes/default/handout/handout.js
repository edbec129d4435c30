/* A handout holds every page of one notice as views of one file. The notice text is in the page
   from the start (it reads without JavaScript); the other views wait in <template> elements and
   are shown one at a time, so each page script finds the element ids it finds on the site.
   Addresses: #/VIEW shows a view, #/VIEW/ANCHOR a place in it, #ANCHOR a place in the view shown
   (or in the notice text). Runs last, after the page scripts. */
(function (root) {
  "use strict";
  var doc = root.document;
  var main = doc.getElementById("main");
  var nav = doc.getElementById("handout-nav");
  var views = JSON.parse(doc.getElementById("handout-views").textContent);
  var NB = root.NBSearch = root.NBSearch || {};
  var baseTitle = doc.title;
  var current = "notice";
  var noticeNodes = null;

  /* Search results name site addresses (2024/x/checklist/#item-1): the view that holds them. */
  NB.link = function (url) {
    var cut = url.indexOf("#");
    var path = cut < 0 ? url : url.slice(0, cut), anchor = cut < 0 ? "" : url.slice(cut + 1);
    var view = views[path] || "notice";
    return "#/" + view + (anchor ? "/" + anchor : "");
  };

  function show(view) {
    if (view === current) return true;
    var source = view === "notice" ? null : doc.getElementById("view-" + view);
    if (view !== "notice" && !source) return false;
    var out = doc.createDocumentFragment();
    while (main.firstChild) out.appendChild(main.firstChild);
    // The notice view keeps its nodes, so the calculator keeps what was typed into it.
    if (current === "notice") noticeNodes = out;
    main.appendChild(view === "notice" ? noticeNodes : source.content.cloneNode(true));
    current = view;
    main.setAttribute("data-view", view);
    doc.title = view === "notice" ? baseTitle : source.getAttribute("data-title") + "（离线版）";
    var starts = root.NoticeboardViews || [];
    for (var i = 0; i < starts.length; i++) starts[i]();
    markCurrent();
    return true;
  }

  function markCurrent() {
    var links = nav.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === "#/" + current) links[i].setAttribute("aria-current", "page");
      else links[i].removeAttribute("aria-current");
    }
  }

  function route() {
    var hash = "";
    try { hash = decodeURIComponent(root.location.hash.slice(1)); } catch (e) { hash = root.location.hash.slice(1); }
    var view = current, anchor = hash;
    if (hash.charAt(0) === "/") {
      var slash = hash.indexOf("/", 1);
      view = slash < 0 ? hash.slice(1) : hash.slice(1, slash);
      anchor = slash < 0 ? "" : hash.slice(slash + 1);
    } else if (hash && !doc.getElementById(hash)) {
      view = "notice";
    } else if (!hash) {
      view = "notice";
    }
    var changed = view !== current;
    if (!show(view)) show("notice");
    var target = anchor ? doc.getElementById(anchor) : null;
    if (target) {
      target.scrollIntoView();
    } else if (changed) {
      root.scrollTo(0, 0);
      main.focus({ preventScroll: true });
    }
  }

  var wide = root.matchMedia && root.matchMedia("(min-width: 48em)").matches;
  nav.hidden = false;
  nav.open = wide;
  root.addEventListener("hashchange", function () {
    // On a phone the list closes once a part is chosen, so the part itself is on screen.
    if (!wide) nav.open = false;
    route();
  });
  route();
  markCurrent();
})(window);
