#include "report/html_assets.h"

namespace sip2pjsip::report {

// Sections use content-visibility so a browser lays out only what is on screen: a page with
// thousands of peers scrolls as fast as a small one. The attention filter is one class on
// <body>; the style sheet does the hiding, so no script touches the sections.
const char kReportCss[] = R"css(
:root{--ink:#1d2733;--muted:#5b6776;--line:#d6dde6;--paper:#fff;--ground:#f4f6f9;
--warn:#fff1cc;--warn-edge:#a86b00;--bad:#fde0de;--bad-edge:#b42318;--ok:#1f7a3f}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:var(--ground)}
header,#summary,#sections{max-width:1500px;margin:0 auto;padding:0 16px}
h1{font-size:22px;margin:18px 0 2px}
h2{font-size:18px;margin:18px 0 8px}
h3{font-size:15px;margin:14px 0 6px}
.sub{color:var(--muted);margin:0}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0;padding:0}
.counts div{background:var(--paper);border:1px solid var(--line);border-radius:6px;
padding:6px 12px;min-width:110px}
.counts dt{font-size:12px;color:var(--muted)}
.counts dd{margin:0;font-size:22px;font-weight:600}
.counts .a dd{color:var(--warn-edge)}
.counts .x dd,.counts .e dd{color:var(--bad-edge)}
#manual-steps li{margin:4px 0}
#manual-steps p{margin:2px 0 6px;color:var(--muted);white-space:pre-line}
.files td,.files th{text-align:left;padding:1px 10px 1px 0}
.findings{margin:6px 0;padding-left:20px}
.findings li{margin:2px 0}
.findings .error{color:var(--bad-edge)}
.findings .warning{color:var(--warn-edge)}
#filter{position:sticky;top:0;z-index:1;background:var(--ink);color:#fff;padding:8px 16px;
margin-top:16px}
#filter label{cursor:pointer;font-weight:600}
#filter-status{margin-left:16px;color:#c8d1dc}
body.attention-only .sec:not(.attn){display:none}
.sec{background:var(--paper);border:1px solid var(--line);border-radius:6px;margin:12px 0;
padding:8px 12px;content-visibility:auto;contain-intrinsic-size:auto 300px;scroll-margin-top:48px}
.sec.attn{border-left:4px solid var(--warn-edge)}
.sec h2{font-size:15px;margin:0 0 6px}
.sec h2 a{color:inherit;text-decoration:none;font-family:ui-monospace,Menlo,Consolas,monospace}
.kind,.where,.badge{font-size:12px;font-weight:400;margin-left:8px}
.kind{background:#e6ebf1;border-radius:3px;padding:1px 6px}
.where{color:var(--muted)}
.badge{border-radius:10px;padding:1px 8px}
.badge.a{background:var(--warn);color:var(--warn-edge)}
.badge.x{background:var(--bad);color:var(--bad-edge)}
.badge.d{background:#e6ebf1}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:12px}
@media (max-width:900px){.cols{grid-template-columns:minmax(0,1fr)}}
.cols h3{font-size:12px;color:var(--muted);margin:0 0 2px;font-weight:400}
table.lines{border-collapse:collapse;width:100%}
.lines td{padding:1px 6px;vertical-align:top;border-top:1px solid #edf0f4}
.lines .n{color:var(--muted);text-align:right;white-space:nowrap;font-size:12px}
.lines .v{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;word-break:break-all;
width:45%}
.lines .o{color:var(--muted);font-size:13px}
.lines tr.a{background:var(--warn)}
.lines tr.x{background:var(--bad)}
.lines tr.a .o,.lines tr.x .o{color:var(--ink)}
.lines tr.i .v{font-style:italic}
.lines code{font-size:11px;color:var(--muted)}
pre.objs{margin:0;background:#f0f3f7;padding:6px 8px;border-radius:4px;white-space:pre-wrap;
word-break:break-all}
.none{color:var(--muted);font-style:italic;margin:0}
)css";

// The attention filter: the checkbox, and a `#attention` address (so the filtered view can be
// linked to, bookmarked, or opened by a test) set the same class on <body>.
const char kReportScript[] = R"js(
(function () {
  "use strict";
  var box = document.getElementById("attention-only");
  var status = document.getElementById("filter-status");
  function apply(on) {
    box.checked = on;
    document.body.classList.toggle("attention-only", on);
    status.textContent = status.getAttribute(on ? "data-on" : "data-off");
  }
  box.addEventListener("change", function () {
    apply(box.checked);
    try {
      history.replaceState(null, "", box.checked ? "#attention" : "#all");
    } catch (e) {
      // Some browsers refuse to change the address of a file:// page; the filter still works.
    }
  });
  function fromAddress() {
    if (location.hash === "#attention") apply(true);
    else if (location.hash === "#all") apply(false);
  }
  window.addEventListener("hashchange", fromAddress);
  apply(location.hash === "#attention");
})();
)js";

}  // namespace sip2pjsip::report
