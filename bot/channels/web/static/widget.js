// PolicyBot widget: <script src="https://bot.example.sch.uk/widget.js" defer></script> on the school site
// adds an "Ask the school" button that opens the chat in a frame served by PolicyBot itself.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src).origin;
  var label = script.getAttribute("data-label") || "Ask the school";
  var open = false;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "policybot-frame");
  var s = button.style;
  s.position = "fixed"; s.right = "16px"; s.bottom = "16px"; s.zIndex = "2147483000";
  s.padding = "12px 18px"; s.borderRadius = "24px"; s.border = "0"; s.font = "600 16px system-ui, sans-serif";
  s.background = script.getAttribute("data-colour") || "#1d4f91"; s.color = "#fff"; s.cursor = "pointer";
  var frame = document.createElement("iframe");
  frame.id = "policybot-frame";
  frame.title = label;
  frame.src = origin + "/?embed=1";
  frame.hidden = true;
  var f = frame.style;
  f.position = "fixed"; f.right = "16px"; f.bottom = "72px"; f.zIndex = "2147483000";
  f.width = "min(400px, calc(100vw - 32px))"; f.height = "min(600px, calc(100vh - 100px))";
  f.border = "1px solid #ccc"; f.borderRadius = "12px"; f.background = "#fff";
  f.boxShadow = "0 4px 24px rgba(0,0,0,.2)";
  button.addEventListener("click", function () {
    open = !open;
    frame.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) { frame.focus(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) { button.click(); button.focus(); }
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
