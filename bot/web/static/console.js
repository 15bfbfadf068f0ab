/* Agents' console: polls the queue and the open conversation; every text is inserted as text. */
(function () {
  "use strict";
  var csrf = document.body.dataset.csrf;
  var current = null;
  var revealed = {};  // hidden messages an agent chose to read, kept across refreshes
  var items = {};  // handoff id -> its queue item's nodes, updated in place (focus and selection kept)
  var known = null;  // ids in the queue at the last refresh; null before the first one
  var entries = [];
  var shown = null;  // id of the conversation whose lines the transcript holds
  var pageTitle = document.title;
  var seen = {};  // handoff id -> how many of the person's messages the agent has had on screen
  var unread = {};  // handoff id -> the person's messages since, for the conversations the agent holds
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

  function setText(node, text) { if (node.textContent !== text) { node.textContent = text; } }
  function about(e) {
    return e.reason_label + (e.topic_title ? " — " + e.topic_title : "") + " — " + e.channel_label +
      (e.branch_label ? " — " + e.branch_label : "");
  }

  function itemFor(e) {
    var parts = items[e.id];
    if (!parts) {
      parts = { item: el("li", null, "queue-item"), badge: el("span", "Urgent", "urgent-badge"), open: el("button"),
                left: el("div", "La personne a quitté la conversation (fermez la demande).", "person-left"),
                about: el("div", null, "topic"), due: el("div"), unread: el("div", null, "unread") };
      parts.item.dataset.handoff = e.id;
      parts.open.type = "button";
      parts.open.addEventListener("click", function () {  /* a comment thread has its own page */
        if (/_comment$/.test(e.channel)) { window.location.assign("/conseiller/commentaires/" + e.id); } else { select(e.id); }
      });
      parts.item.append(parts.badge, parts.open, parts.left, parts.unread, parts.about, parts.due);
      items[e.id] = parts;
    }
    parts.item.classList.toggle("urgent", e.urgent);
    parts.badge.hidden = !e.urgent;
    parts.left.hidden = !e.person_left;
    setText(parts.open, e.status === "waiting" ? "N° " + e.position + " — attend depuis " + minutes(e.waited_seconds)
      : "En cours avec " + (e.mine ? "vous" : e.agent));
    setText(parts.about, about(e));
    parts.due.hidden = !e.due_label;
    setText(parts.due, e.due_label || "");
    parts.due.className = e.seconds_left !== null && e.seconds_left < 0 ? "late" : "";
    var count = unread[e.id] || 0;
    parts.unread.hidden = !count;
    setText(parts.unread, count + (count > 1 ? " nouveaux messages" : " nouveau message"));
    return parts.item;
  }

  function matches(e) {
    var status = $("filter-status").value, words = $("filter-text").value.trim().toLowerCase();
    var text = [about(e), e.agent || "", e.due_label || ""].join(" ").toLowerCase();
    return (!status || (status === "mine" ? e.mine : e.status === status)) &&
      (!$("filter-reason").value || e.reason === $("filter-reason").value) &&
      (!$("filter-channel").value || e.channel === $("filter-channel").value) &&
      (!words || words.split(/\s+/).every(function (word) { return text.indexOf(word) >= 0; }));
  }

  function applyFilters() {
    var visible = 0;
    entries.forEach(function (e) {
      items[e.id].item.hidden = !matches(e);
      if (!items[e.id].item.hidden) { visible += 1; }
    });
    var waiting = entries.filter(function (e) { return e.status === "waiting"; }).length;
    setText($("queue-total"), entries.length + (entries.length > 1 ? " demandes : " : " demande : ") +
      waiting + " en attente, " + (entries.length - waiting) + " prise(s) en charge" +
      (visible < entries.length ? " — " + visible + " affichée(s) avec ces filtres" : ""));
    $("queue-empty").hidden = visible > 0;
    setText($("queue-empty"), entries.length ? "Aucune demande ne correspond à ces filtres." : "Personne n'attend.");
    var news = entries.reduce(function (total, e) { return total + (unread[e.id] || 0); }, 0);
    var counts = (waiting ? [waiting + " en attente"] : []).concat(news ? [news + " non lu" + (news > 1 ? "s" : "")] : []);
    document.title = (counts.length ? "(" + counts.join(", ") + ") " : "") + pageTitle;
  }

  /* A short tone for a new entry, unless the agent turned it off (remembered on this computer). */
  var audio = null;
  function chime() {
    if (!$("sound").checked || !window.AudioContext) { return; }
    audio = audio || new AudioContext();
    audio.resume();  // created before the agent's first click, it starts suspended
    var tone = audio.createOscillator(), volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.2, audio.currentTime);
    volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  }

  function renderQueue(data) {
    $("presence").checked = data.present;
    $("agents-present").textContent = data.agents_present;
    var list = $("queue"), ids = {};
    data.entries.forEach(function (e) { ids[e.id] = true; });
    Object.keys(items).forEach(function (id) {
      if (!ids[id]) { items[id].item.remove(); delete items[id]; }
    });
    // Existing items are moved only when their order changes: moving a node loses its focus.
    data.entries.forEach(function (e, index) {
      var item = itemFor(e);
      if (list.children[index] !== item) { list.insertBefore(item, list.children[index] || null); }
    });
    var news = known === null ? [] : data.entries.filter(function (e) { return !known[e.id] && e.status === "waiting"; });
    if (news.length) {
      chime();
      $("queue-news").textContent = news.map(function (e) {
        return (e.urgent ? "Nouvelle demande urgente : " : "Nouvelle demande : ") + about(e);
      }).join(". ");
    }
    known = ids;
    entries = data.entries;
    applyFilters();
  }

  function renderConversation(data) {
    $("conversation").hidden = false;
    setText($("conversation-meta"), "Demande n° " + data.id + " — " + data.reason_label +
      (data.topic_title ? " — sujet : " + data.topic_title : "") + " — canal : " + data.channel_label +
      (data.branch_label ? " — service : " + data.branch_label : ""));
    $("conversation-warning").hidden = !data.warning;
    $("conversation-warning").textContent = data.warning || "";
    var notes = $("notes");
    notes.hidden = !data.notes.length;
    var list = $("notes-list");
    if (list.children.length !== data.notes.length) {
      list.textContent = "";
      data.notes.forEach(function (note) {
        var when = new Date(note.at).toLocaleString("fr-FR", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
        list.appendChild(el("li", note.text + " (" + note.author + ", " + when + ")"));
      });
    }
    var log = $("transcript");
    var atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 5;
    // Only the new lines are added: a selection in the transcript is kept, and only they are announced.
    if (shown !== data.id || log.children.length > data.lines.length) { log.textContent = ""; shown = data.id; }
    var first = log.children.length;
    data.lines.slice(first).forEach(function (line, offset) {
      var key = data.id + ":" + (first + offset);
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
    seen[data.id] = personLines(data);
    $("holder-actions").hidden = !data.mine;
    $("take-actions").hidden = data.status !== "waiting";
  }

  function personLines(data) { return data.lines.filter(function (line) { return line.author === "person"; }).length; }

  /* The conversations the agent holds but does not have open: how many messages came since. */
  function refreshUnread(data) {
    var held = data.entries.filter(function (e) { return e.mine && e.id !== current; });
    unread = {};
    return Promise.all(held.map(function (e) {
      return api("GET", "handoffs/" + e.id).then(function (conversation) {
        if (conversation._status !== 200) { return; }
        if (seen[e.id] === undefined) { seen[e.id] = personLines(conversation); }
        unread[e.id] = personLines(conversation) - seen[e.id];
      });
    })).then(function () { return data; });
  }
  /* The colleagues a conversation can be handed to, available ones first (read when one is opened). */
  function refreshColleagues() {
    return api("GET", "colleagues").then(function (data) {
      var group = $("transfer-colleagues");
      group.textContent = "";
      data.colleagues.forEach(function (c) {
        var option = el("option", c.name + (c.present ? " (disponible)" : " (indisponible)"));
        option.value = "agent:" + c.id;
        group.appendChild(option);
      });
    });
  }
  function refreshQueue() { return api("GET", "queue").then(refreshUnread).then(renderQueue); }
  function refreshConversation() {
    if (!current) { return Promise.resolve(); }
    return api("GET", "handoffs/" + current).then(function (data) {
      if (data._status !== 200) { showError(data.error); return; }
      renderConversation(data);
    });
  }
  function select(id) { current = id; showError(""); refreshColleagues(); refreshConversation(); }
  function act(path, body) {
    return api("POST", "handoffs/" + current + "/" + path, body).then(function (data) {
      showError(data._status === 200 ? "" : data.error);
      return Promise.all([refreshQueue(), refreshConversation()]).then(function () { return data; });
    });
  }

  /* A template goes where the cursor is (replacing only the selected text): the draft is kept. */
  function insertAnswer(text) {
    var box = $("reply-text"), start = box.selectionStart, before = box.value.slice(0, start);
    box.setRangeText((before && !/\s$/.test(before) ? "\n" : "") + text, start, box.selectionEnd, "end");
    box.focus();
  }

  $("sound").checked = localStorage.getItem("console-sound") !== "off";
  $("sound").addEventListener("change", function (e) {
    localStorage.setItem("console-sound", e.target.checked ? "on" : "off");
  });
  $("presence").addEventListener("change", function (e) {
    api("POST", "presence", { present: e.target.checked }).then(refreshQueue);
  });
  ["filter-status", "filter-reason", "filter-channel", "filter-text"].forEach(function (id) {
    $(id).addEventListener("input", applyFilters);
  });
  $("queue-filters").addEventListener("submit", function (e) { e.preventDefault(); });
  $("take").addEventListener("click", function () { act("take"); });
  $("transfer").addEventListener("click", function () {
    var target = $("transfer-to").value.split(":");
    var note = $("transfer-note").value;
    var done = function (data) { if (data._status === 200) { $("transfer-note").value = ""; } };
    if (target[0] === "queue") { act("release", { branch: target[1], note: note }).then(done); }
    else { act("transfer", { to: Number(target[1]), note: note }).then(done); }
  });
  $("close").addEventListener("click", function () {
    var outcome = $("outcome");
    if (window.confirm("Clore la demande n° " + current + " (issue : " + outcome.selectedOptions[0].text +
        ") et rendre la main à l'assistant ?")) {
      act("close", { outcome: outcome.value });
    }
  });
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
          insert.addEventListener("click", function () { insertAnswer(a.text); });
          item.appendChild(insert);
          list.appendChild(item);
        });
      });
  });

  refreshQueue();
  setInterval(function () { refreshQueue(); refreshConversation(); }, 2000);
})();
