/* Agents' console: polls the queue and the open conversation; every text is inserted as text. */
(function () {
  "use strict";
  var csrf = document.body.dataset.csrf;
  var current = null;
  var revealed = {};  // hidden messages an agent chose to read, kept across refreshes
  var REASONS = { asked: "demande de la personne", fallback: "question non comprise", not_useful: "réponse jugée inutile",
    complaint: "réclamation", template: "question réservée aux conseillers", urgent: "urgent" };
  var HIDDEN = { insult: "insulte", threat: "menace", hate: "propos haineux", defamation: "diffamation" };
  var AUTHORS = { person: "Personne", bot: "Assistant", agent: "Conseiller", system: "Information" };

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function api(method, path, body) {
    var options = { method: method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (method !== "GET") {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRF-Token"] = csrf;
      options.body = JSON.stringify(body || {});
    }
    return fetch("/conseiller/api/" + path, options).then(function (r) {
      if (r.status === 401) { window.location = "/connexion?suite=/conseiller"; }
      return r.json().then(function (data) { data._status = r.status; return data; });
    });
  }
  function minutes(seconds) {
    var m = Math.round(Math.abs(seconds) / 60);
    return m < 60 ? m + " min" : Math.floor(m / 60) + " h " + (m % 60) + " min";
  }
  function showError(message) {
    $("conversation-error").hidden = !message;
    $("conversation-error").textContent = message || "";
  }

  function renderQueue(data) {
    $("presence").checked = data.present;
    $("agents-present").textContent = data.agents_present;
    var list = $("queue");
    list.textContent = "";
    $("queue-empty").hidden = data.entries.length > 0;
    data.entries.forEach(function (e) {
      var item = el("li", null, "queue-item");
      item.dataset.handoff = e.id;
      var title = e.status === "waiting" ? "N° " + e.position + " — attend depuis " + minutes(e.waited_seconds)
        : "En cours avec " + (e.mine ? "vous" : e.agent);
      var open = el("button", title);
      open.type = "button";
      open.addEventListener("click", function () { select(e.id); });
      item.appendChild(open);
      item.appendChild(el("div", (REASONS[e.reason] || e.reason) + (e.topic ? " — sujet : " + e.topic : "") + " — " + e.channel));
      if (e.seconds_left !== null) {
        item.appendChild(el("div", e.seconds_left >= 0 ? "Engagement : reste " + minutes(e.seconds_left)
          : "Engagement dépassé de " + minutes(e.seconds_left), e.seconds_left < 0 ? "late" : ""));
      }
      list.appendChild(item);
    });
  }

  function renderConversation(data) {
    $("conversation").hidden = false;
    $("conversation-meta").textContent = "Demande n° " + data.id + " — " + (REASONS[data.reason] || data.reason) +
      (data.topic ? " — sujet : " + data.topic : "") + " — canal : " + data.channel;
    $("conversation-warning").hidden = !data.warning;
    $("conversation-warning").textContent = data.warning || "";
    var log = $("transcript");
    var atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 5;
    log.textContent = "";
    data.lines.forEach(function (line, index) {
      var key = data.id + ":" + index;
      var msg = el("div", null, "msg msg-" + line.author);
      var when = new Date(line.at).toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
      msg.appendChild(el("span", (line.name || AUTHORS[line.author]) + " — " + when, "msg-meta"));
      if (line.hidden && !revealed[key]) {
        var reveal = el("button", "Message masqué (" + (HIDDEN[line.hidden] || line.hidden) + ") — afficher");
        reveal.type = "button";
        reveal.addEventListener("click", function () {
          revealed[key] = true;
          reveal.replaceWith(document.createTextNode(line.text));
        });
        msg.appendChild(reveal);
      } else {
        msg.appendChild(document.createTextNode(line.text));
      }
      log.appendChild(msg);
    });
    if (atBottom) { log.scrollTop = log.scrollHeight; }
    $("holder-actions").hidden = !data.mine;
    $("take-actions").hidden = data.status !== "waiting";
  }

  function refreshQueue() { return api("GET", "queue").then(renderQueue); }
  function refreshConversation() {
    if (!current) { return Promise.resolve(); }
    return api("GET", "handoffs/" + current).then(function (data) {
      if (data._status !== 200) { showError(data.error); return; }
      renderConversation(data);
    });
  }
  function select(id) { current = id; showError(""); refreshConversation(); }
  function act(path, body) {
    return api("POST", "handoffs/" + current + "/" + path, body).then(function (data) {
      showError(data._status === 200 ? "" : data.error);
      return Promise.all([refreshQueue(), refreshConversation()]).then(function () { return data; });
    });
  }

  $("presence").addEventListener("change", function (e) {
    api("POST", "presence", { present: e.target.checked }).then(refreshQueue);
  });
  $("take").addEventListener("click", function () { act("take"); });
  $("release").addEventListener("click", function () { act("release"); });
  $("close").addEventListener("click", function () { act("close", { outcome: $("outcome").value }); });
  $("reply-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = $("reply-text").value.trim();
    if (!text) { return; }
    act("reply", { text: text }).then(function (data) { if (data._status === 200) { $("reply-text").value = ""; } });
  });
  $("answer-search").addEventListener("input", function (e) {
    fetch("/conseiller/api/answers?q=" + encodeURIComponent(e.target.value), { credentials: "same-origin" })
      .then(function (r) { return r.json(); }).then(function (data) {
        var list = $("answers");
        list.textContent = "";
        data.answers.forEach(function (a) {
          var item = el("li");
          var insert = el("button", a.title);
          insert.type = "button";
          insert.addEventListener("click", function () { $("reply-text").value = a.text; $("reply-text").focus(); });
          item.appendChild(insert);
          list.appendChild(item);
        });
      });
  });

  refreshQueue();
  setInterval(function () { refreshQueue(); refreshConversation(); }, 2000);
})();
