// PolicyBot web chat: sends what the person types or taps to /api/chat and shows the replies.
// Reply HTML comes from the server's templates (everything a person wrote is escaped there);
// the person's own words are shown with textContent, never as HTML.
(function () {
  "use strict";
  var KEY = "policybot-session";
  var POLL_MS = 4000;
  var log = document.getElementById("log");
  var form = document.getElementById("ask");
  var box = document.getElementById("text");
  var strings = document.getElementById("strings").dataset;
  var session = null;
  var busy = false;
  try { session = window.localStorage.getItem(KEY); } catch (e) { session = null; }

  function remember(id) {
    session = id;
    try { window.localStorage.setItem(KEY, id); } catch (e) { /* private mode: this page only */ }
  }

  function bubble(who, cls) {
    var item = document.createElement("div");
    item.className = "msg " + cls;
    var name = document.createElement("span");
    name.className = "who";
    name.textContent = who;
    item.appendChild(name);
    log.appendChild(item);
    return item;
  }

  function showMine(text) {
    var item = bubble(strings.you, "mine");
    var body = document.createElement("div");
    body.className = "body";
    body.textContent = text;
    item.appendChild(body);
    log.scrollTop = log.scrollHeight;
  }

  function showReply(reply) {
    var item = bubble(strings.bot, "bot");
    var body = document.createElement("div");
    body.className = "body";
    body.innerHTML = reply.html || "";
    if (!reply.html) { body.textContent = reply.text; }
    item.appendChild(body);
    if (reply.options && reply.options.length) {
      var group = document.createElement("div");
      group.className = "options";
      group.setAttribute("role", "group");
      reply.options.forEach(function (option) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = option.label;
        button.dataset.payload = option.payload;
        button.addEventListener("click", function () {
          if (busy) { return; }
          showMine(option.label);
          if (option.payload.indexOf("fb:") !== 0 && option.payload.indexOf("t:") !== 0 &&
              option.payload.indexOf("s:") !== 0) {
            Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) { b.disabled = true; });
          } else if (option.payload.indexOf("fb:") === 0) {
            Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) {
              if (b.dataset.payload.indexOf("fb:") === 0) { b.disabled = true; }
            });
          }
          send({ payload: option.payload });
        });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.scrollTop = log.scrollHeight;
  }

  function offline() {
    showReply({ text: strings.offline, html: "", options: [] });
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit"
    }).then(function (response) {
      return response.json().catch(function () { return {}; });
    });
  }

  function send(body) {
    busy = true;
    if (session) { body.session = session; }
    return post("/api/chat", body).then(function (data) {
      if (data.session) { remember(data.session); }
      if (data.replies && data.replies.length) { data.replies.forEach(showReply); } else { offline(); }
    }, offline).then(function () { busy = false; box.focus(); });
  }

  function poll() {
    if (!session || document.hidden) { return; }
    post("/api/inbox", { session: session }).then(function (data) {
      (data.replies || []).forEach(showReply);
    }, function () { /* try again at the next poll */ });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = box.value.trim();
    if (!text || busy) { return; }
    box.value = "";
    showMine(text);
    send({ text: text });
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  send({ payload: "cmd:start" });
  window.setInterval(poll, POLL_MS);
})();
