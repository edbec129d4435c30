import Foundation
import NoticeModel
import Support

/// The script `serve` adds to the pages it serves (never to `build` output). It is a file of the
/// site's own origin, so the pages' Content-Security-Policy (`script-src 'self'`, `connect-src
/// 'none'`) holds: it long-polls by loading `/__noticeboard/wait.js`, a script that answers when
/// the site was rebuilt; the page reloads when a good build rewrote it, and shows the diagnostics
/// over itself after a failed one.
enum ReloadScript {
    static let path = "/__noticeboard/reload.js"
    static let waitPath = "/__noticeboard/wait.js"
    /// The script's own address changes only when `serve` restarts (`version`), so a browser keeps
    /// it between reloads like the theme's files (`AssetVersions`); when it carried the generation,
    /// each reload fetched it again before the page finished loading (a request more per reload;
    /// on loopback the load times did not differ measurably, docs/benchmark.md).
    static let version = String(UInt64(Date().timeIntervalSince1970 * 1000))

    /// The tag carries the generation the page was served at, so a page that finishes loading
    /// after a rebuild rewrote it still reloads.
    static func tag(generation: Int) -> String {
        "<script src=\"\(path)?v=\(version)\" data-generation=\"\(generation)\" defer></script>"
    }

    /// Adds the script tag before `</body>` (or at the end), and the assets' version to the
    /// page's references to them (`AssetVersions`).
    static func inject(into html: Data, generation: Int, assetsVersion: Int) -> Data {
        let tag = tag(generation: generation)
        let text = AssetVersions.versioned(String(decoding: html, as: UTF8.self), version: assetsVersion)
        guard let range = text.range(of: "</body>", options: .backwards) else { return Data((text + tag).utf8) }
        return Data(text.replacingCharacters(in: range, with: tag + "</body>").utf8)
    }

    /// The script, with the banner's words from the catalogue in the process's language.
    static func source() -> String {
        let banner = say("serve.banner")
        // A JSON string is a JavaScript string literal: quotes and line breaks arrive escaped.
        let literal = JSONWriter().encode(banner)
        return template.replacingOccurrences(of: "BANNER_TEXT", with: literal)
    }

    private static let template = """
    (function () {
      "use strict";
      var self = document.currentScript;
      var served = self && self.getAttribute("data-generation");
      var generation = served && /^[0-9]+$/.test(served) ? Number(served) : null;
      // Until the first answer the page does not know whether its generation built cleanly.
      var known = false;
      var panel = null;
      // Set once the page reloads: polling on would answer "reload" again, and each further
      // location.reload() restarts the navigation under way (ten in a row were seen).
      var reloading = false;
      // One id per browser tab, kept across its pages, so serve knows which page a tab shows now.
      var tab = "";
      try {
        tab = sessionStorage.getItem("noticeboard-serve-tab") || String(Math.random()).slice(2);
        sessionStorage.setItem("noticeboard-serve-tab", tab);
      } catch (e) { tab = ""; }
      function showProblems(problems) {
        if (!panel) {
          panel = document.createElement("section");
          panel.setAttribute("role", "alert");
          panel.id = "noticeboard-serve-errors";
          var s = panel.style;
          s.position = "fixed"; s.left = "0"; s.right = "0"; s.top = "0"; s.zIndex = "2147483647";
          s.maxHeight = "60vh"; s.overflow = "auto"; s.background = "#fff4e5"; s.color = "#5a2d00";
          s.borderBottom = "4px solid #b35c00"; s.padding = "0.75rem 1rem"; s.font = "14px/1.5 monospace";
          s.whiteSpace = "pre-wrap";
          document.body.appendChild(panel);
        }
        panel.textContent = BANNER_TEXT + "\\n" + problems.join("\\n");
      }
      function hideProblems() {
        if (panel) { panel.remove(); panel = null; }
      }
      window.__noticeboardState = function (state) {
        if (state.reload) {
          reloading = true;
          location.reload();
          return;
        }
        generation = state.generation;
        known = true;
        if (state.ok) { hideProblems(); } else { showProblems(state.problems); }
      };
      function poll() {
        var script = document.createElement("script");
        script.src = "\(waitPath)?since=" + (generation === null ? "" : generation) +
          "&known=" + (known ? "1" : "0") + "&page=" + encodeURIComponent(location.pathname) +
          "&tab=" + encodeURIComponent(tab) + "&t=" + Date.now();
        script.onload = function () { script.remove(); if (!reloading) { setTimeout(poll, 0); } };
        script.onerror = function () { script.remove(); setTimeout(poll, 1000); };
        document.head.appendChild(script);
      }
      // After the load event: a script still loading would hold it back.
      if (document.readyState === "complete") { poll(); } else { window.addEventListener("load", poll); }
    })();

    """
}
