/* Chat widget of the caisse's page, on Rasa's socket.io channel.
 * The conversation survives a reload: only the session id and its proof (issued by the server,
 * which lets only this tab read and continue the conversation) are kept in sessionStorage (gone
 * when the tab closes); the messages are fetched again from the server, masked, so the browser
 * never stores personal data the person typed. While an agent is to answer, the person may keep
 * the pair on this device (localStorage, KEEP_DAYS) or copy a link holding it after "#": the
 * part after "#" never reaches any server, so the link opens the conversation only for its holder. Messages are inserted as text nodes, never as HTML.
 * The status line says who answers now (assistant, queue, agent, or nobody during a moderation
 * suspension), as the server knows it: no typing indicator unless the assistant is answering.
 * Every sentence shown comes from config/textes.yml (section widget), put in the page by the
 * server as JSON (#caisse-chat-texts); {{name}} fields only the browser knows are filled here. */
(function () {
  "use strict";

  var root = document.getElementById("caisse-chat");
  var textsNode = document.getElementById("caisse-chat-texts");
  if (!root || !textsNode || typeof io === "undefined") { return; }
  var T = JSON.parse(textsNode.textContent);
  function fill(text, values) {
    return text.replace(/\{\{(\w+)\}\}/g, function (field, name) { return name in values ? values[name] : field; });
  }

  var STORE = "caisse-chat", KEPT = "caisse-chat-gardee", KEEP_DAYS = 7, LINK_KEY = "reprendre=";
  var rasaUrl = root.dataset.rasaUrl;
  var resumedBy = adoptLinkOrKept();
  var state = load();
  var messages = [];

  // A resume link (#reprendre=<id>.<proof>) or a conversation kept on this device, when this tab
  // holds none: taken into this tab, and the link removed from the address bar.
  function adoptLinkOrKept() {
    var pair = null, by = null;
    if (location.hash.indexOf("#" + LINK_KEY) === 0) {
      var parts = location.hash.slice(LINK_KEY.length + 1).split(".");
      if (parts.length === 2 && parts[0] && parts[1]) { pair = { sessionId: parts[0], proof: parts[1] }; by = "link"; }
      history.replaceState(null, "", location.pathname + location.search);
    }
    try {
      var kept = JSON.parse(localStorage.getItem(KEPT));
      if (kept && kept.until < Date.now()) { localStorage.removeItem(KEPT); kept = null; }
      if (!pair && kept && !sessionStorage.getItem(STORE)) { pair = kept; by = "device"; }
      if (pair) {
        sessionStorage.setItem(STORE, JSON.stringify({ open: true, sessionId: pair.sessionId, proof: pair.proof }));
      }
    } catch (e) { return null; }
    return by;
  }
  function keptHere() {
    try { var kept = JSON.parse(localStorage.getItem(KEPT)); return !!kept && kept.sessionId === state.sessionId; }
    catch (e) { return false; }
  }

  function load() {
    try {
      var stored = JSON.parse(sessionStorage.getItem(STORE)) || {};
      return { open: !!stored.open, sessionId: stored.sessionId || null, proof: stored.proof || null };
    } catch (e) {
      return { open: false, sessionId: null, proof: null };
    }
  }
  function save() {
    sessionStorage.setItem(STORE, JSON.stringify({ open: state.open, sessionId: state.sessionId, proof: state.proof }));
  }
  // The server answers about a conversation only to whoever holds its proof.
  function proved() { return { headers: { "X-Conversation-Proof": state.proof || "" } }; }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  // --- layout ---------------------------------------------------------------------------
  var launcher = el("button", { type: "button", class: "chat-launcher", "aria-expanded": "false",
    "aria-controls": "chat-panel" }, T.launcher);
  var panel = el("section", { id: "chat-panel", class: "chat-panel", role: "dialog",
    "aria-label": T.panel_label, hidden: "" });
  var header = el("div", { class: "chat-header" });
  header.appendChild(el("h2", { class: "chat-title" }, T.title));
  // On a shared computer, the next person must not be able to read or continue the conversation.
  var clear = el("button", { type: "button", class: "chat-clear" }, T.clear);
  var close = el("button", { type: "button", class: "chat-close", "aria-label": T.close_label }, "×");
  header.appendChild(clear); header.appendChild(close);
  var log = el("div", { class: "chat-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    tabindex: "0", "aria-label": T.log_label });
  var typing = el("p", { class: "chat-typing", "aria-live": "polite", hidden: "" }, T.typing);
  var form = el("form", { class: "chat-form" });
  var label = el("label", { for: "chat-input", class: "visually-hidden" }, T.input_label);
  var input = el("input", { id: "chat-input", type: "text", autocomplete: "off", maxlength: "2000",
    placeholder: T.placeholder });
  var send = el("button", { type: "submit", class: "chat-send" }, T.send);
  var notice = el("p", { class: "chat-notice" }, T.notice + " ");
  var charter = el("a", { href: root.dataset.charter }, T.charter_link);
  notice.appendChild(charter);
  form.appendChild(label); form.appendChild(input); form.appendChild(send);
  panel.appendChild(header); panel.appendChild(notice); panel.appendChild(log);
  var queueStatus = el("p", { class: "chat-queue", role: "status", hidden: "" });
  // While an agent is to answer: the answer can be found again after closing the page.
  var keep = el("div", { class: "chat-keep", hidden: "" });
  keep.appendChild(el("p", {}, T.keep_intro));
  var keepHere = el("button", { type: "button", class: "chat-keep-here", "aria-pressed": "false" }, T.keep_here);
  var copyLink = el("button", { type: "button", class: "chat-keep-link" }, T.copy_link);
  var linkBox = el("input", { type: "text", readonly: "", class: "chat-keep-url", hidden: "",
    "aria-label": T.link_label });
  var keepInfo = el("p", { class: "chat-keep-info", "aria-live": "polite" });
  keep.appendChild(keepHere); keep.appendChild(copyLink); keep.appendChild(linkBox); keep.appendChild(keepInfo);
  panel.appendChild(typing); panel.appendChild(queueStatus); panel.appendChild(keep); panel.appendChild(form);
  root.appendChild(launcher); root.appendChild(panel);

  // --- rendering ------------------------------------------------------------------------
  var AUTHORS = { user: T.author_user, bot: T.author_bot, system: T.author_system };
  var replyStart = null;  // the first message of the answer to the person's last message
  var URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)»])/g;

  // A link reads as its site and page ("caf.fr/allocataires/mon-compte"), not a raw address
  // across the bubble; a long one keeps its site and its last part.
  var SHORT_URL_MAX = 45;
  function shortUrl(url) {
    var shown = url.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "");
    if (shown.length <= SHORT_URL_MAX) { return shown; }
    var parts = shown.split("/");
    return parts[0] + "/…/" + parts[parts.length - 1].slice(0, SHORT_URL_MAX - parts[0].length);
  }

  function appendText(node, text) {
    var last = 0;
    text.replace(URL_PATTERN, function (url, _g, offset) {
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, shortUrl(url));
      node.appendChild(link);
      last = offset + url.length;
      return url;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  function render(message, index) {
    var item = el("div", { class: "chat-message chat-" + message.from });
    if (message.from === "agent") {
      item.appendChild(el("span", { class: "chat-author" }, fill(T.agent_author, { conseiller: message.name || T.agent_unnamed })));
    } else {
      item.appendChild(el("span", { class: "visually-hidden" }, (AUTHORS[message.from] || T.author_bot) + " "));
    }
    var body = el("p", { class: "chat-text" });
    appendText(body, message.text || "");
    item.appendChild(body);
    if (message.buttons && message.buttons.length) {
      var group = el("div", { class: "chat-buttons", role: "group", "aria-label": T.suggestions_label });
      message.buttons.forEach(function (button) {
        var b = el("button", { type: "button", class: "chat-button" }, button.title);
        if (message.answered) { b.disabled = true; }
        b.addEventListener("click", function () {
          messages[index].answered = true;
          Array.prototype.forEach.call(group.querySelectorAll("button"), function (x) { x.disabled = true; });
          post(button.title, button.payload);
          input.focus();  // the disabled button would otherwise leave the focus on the page's body
        });
        group.appendChild(b);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    scrollTo(message.from === "user" ? null : item);
  }

  // A long answer is read from its start: the log shows the answer's first message at its top
  // (the end of the log when the whole answer fits); the person's own message, the log's end.
  function scrollTo(reply) {
    if (!reply) { replyStart = null; log.scrollTop = log.scrollHeight; return; }
    replyStart = replyStart || reply;
    log.scrollTop += replyStart.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  }

  // An empty panel says what it is for until the first message.
  var intro = el("p", { class: "chat-intro" }, T.intro);
  log.appendChild(intro);

  function add(message) {
    intro.hidden = true;
    messages.push(message);
    render(message, messages.length - 1);
  }

  // --- who answers: assistant ("none"), queue, agent or suspension, refreshed while not the assistant
  var STATUS_REFRESH_MS = 5000;
  var mode = "none";
  var statusTimer = null;

  function applyStatus(status) {
    var previous = mode;
    mode = status.status || "none";
    if (previous === "active" && mode === "waiting") { add({ from: "system", text: T.requeued }); }
    if (previous === "suspended" && mode !== "suspended") { add({ from: "system", text: T.resumed }); }
    var line = mode === "active" ? T.agent_answering : mode === "none" ? "" : status.text || "";
    queueStatus.hidden = !line;
    queueStatus.textContent = line;
    if (mode !== "none") { showTyping(false); }
    keep.hidden = mode !== "waiting" && mode !== "active";
    showKept();
    var suspended = mode === "suspended";
    input.disabled = suspended; send.disabled = suspended;
    input.placeholder = suspended ? T.placeholder_suspended : T.placeholder;
    clearTimeout(statusTimer);
    if (mode !== "none") { statusTimer = setTimeout(refreshStatus, STATUS_REFRESH_MS); }
  }

  function showKept() {
    var on = keptHere();
    keepHere.setAttribute("aria-pressed", String(on));
    keepHere.textContent = on ? T.keep_here_undo : T.keep_here;
  }
  keepHere.addEventListener("click", function () {
    if (keptHere()) {
      localStorage.removeItem(KEPT);
      keepInfo.textContent = T.unkept;
    } else {
      localStorage.setItem(KEPT, JSON.stringify({ sessionId: state.sessionId, proof: state.proof,
        until: Date.now() + KEEP_DAYS * 86400000 }));
      keepInfo.textContent = fill(T.kept, { jours: KEEP_DAYS });
    }
    showKept();
  });
  copyLink.addEventListener("click", function () {
    var link = location.origin + location.pathname + "#" + LINK_KEY + state.sessionId + "." + state.proof;
    linkBox.value = link; linkBox.hidden = false;
    linkBox.select();
    var done = function () {
      keepInfo.textContent = T.link_copied;
    };
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(link).then(done, done); }
    else { done(); }
  });

  function refreshStatus() {
    clearTimeout(statusTimer);
    if (!state.sessionId) { return; }
    var asked = state.sessionId;
    fetch("/api/public/handoff/" + encodeURIComponent(asked), proved())
      .then(function (r) { return r.json(); })
      .then(function (status) { if (asked === state.sessionId) { applyStatus(status); } })
      .catch(function () { statusTimer = setTimeout(refreshStatus, STATUS_REFRESH_MS); });
  }

  var refreshSoonTimer = null;
  function refreshSoon() {
    clearTimeout(refreshSoonTimer);
    refreshSoonTimer = setTimeout(refreshStatus, 500);
  }

  // --- connection -----------------------------------------------------------------------
  var socket = null;
  var confirmed = false;  // the server confirmed this socket's conversation: messages may go
  var typingTimer = null;

  function showTyping(on) {
    typing.hidden = !on;
    clearTimeout(typingTimer);
    if (on) { typingTimer = setTimeout(function () { typing.hidden = true; }, 15000); }
  }

  function connect() {
    if (socket) { return; }
    socket = io(rasaUrl, { path: "/socket.io", transports: ["websocket", "polling"] });
    socket.on("connect", function () {
      confirmed = false;
      socket.emit("session_request", { session_id: state.sessionId, proof: state.proof });
    });
    socket.on("disconnect", function () { confirmed = false; });
    socket.on("session_confirm", function (session) {
      state.sessionId = session.session_id; state.proof = session.proof; save();
      confirmed = true;
    });
    socket.on("bot_uttered", function (data) {
      showTyping(false);
      // An agent joined, or closed: told at once, not at the next refresh.
      if (data.system === "taken") { applyStatus({ status: "active" }); }
      if (data.system === "closed") { applyStatus({ status: "none" }); }
      var buttons = (data.quick_replies || data.buttons || []).map(function (b) {
        return { title: b.title, payload: b.payload };
      });
      add({ from: data.agent ? "agent" : data.system ? "system" : "bot", name: data.agent,
        text: data.text || "", buttons: buttons });
      refreshSoon();
    });
    // What the person typed held personal data: the server sends it back masked, shown instead.
    socket.on("user_masked", function (data) {
      var typed = log.querySelectorAll(".chat-user .chat-text");
      var last = typed[typed.length - 1];
      if (!last || !data || typeof data.text !== "string") { return; }
      last.textContent = "";
      appendText(last, data.text);
      for (var i = messages.length - 1; i >= 0; i--) {
        if (messages[i].from === "user") { messages[i].text = data.text; break; }
      }
    });
    socket.on("connect_error", function () {
      showTyping(false);
    });
  }

  function post(shown, payload) {
    var text = (shown || "").trim();
    if (!text) { return; }
    add({ from: "user", text: text });
    showTyping(mode === "none");
    connect();
    var deliver = function () {
      socket.emit("user_uttered", { message: payload || text, session_id: state.sessionId });
      refreshSoon();  // a moderator may have suspended the conversation meanwhile
    };
    // Sent before the confirmation (right after a reload or a reconnection), it would be refused.
    if (confirmed) { deliver(); } else { socket.once("session_confirm", deliver); }
  }

  function setOpen(open) {
    state.open = open; save();
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) { connect(); input.focus(); } else { launcher.focus(); }
  }

  // On a phone, or a page zoomed in, the panel fills the screen (chat.css): the page behind it
  // cannot be seen, so the keyboard focus stays in the panel until it is closed.
  var FULL_SCREEN = window.matchMedia("(max-width: 600px), (max-height: 500px)");
  function keepFocusInside(e) {
    if (e.key !== "Tab" || !FULL_SCREEN.matches) { return; }
    var focusable = Array.prototype.filter.call(panel.querySelectorAll("button, input, a[href], [tabindex]"),
      function (node) { return !node.disabled && node.offsetParent !== null; });
    var first = focusable[0], last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  }
  function markModal() { panel.setAttribute("aria-modal", String(FULL_SCREEN.matches)); }
  FULL_SCREEN.addEventListener("change", markModal);
  markModal();

  launcher.addEventListener("click", function () { setOpen(panel.hidden); });
  close.addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { setOpen(false); }
    keepFocusInside(e);
  });
  clear.addEventListener("click", function () {
    if (!window.confirm(T.clear_confirm)) {
      return;
    }
    clearTimeout(statusTimer); clearTimeout(refreshSoonTimer);
    if (state.sessionId) {  // an agent who holds or will take the request is told the person left
      var ending = proved();
      ending.method = "POST"; ending.keepalive = true;
      fetch("/api/public/conversations/" + encodeURIComponent(state.sessionId) + "/end", ending).catch(function () {});
    }
    if (socket) { socket.disconnect(); socket = null; }
    confirmed = false;
    state.sessionId = null; state.proof = null; save();
    try { localStorage.removeItem(KEPT); } catch (e) { /* storage refused: nothing was kept */ }
    linkBox.value = ""; linkBox.hidden = true; keepInfo.textContent = "";
    messages = []; replyStart = null;
    log.textContent = "";
    log.appendChild(intro);
    showTyping(false);
    mode = "none";
    applyStatus({ status: "none" });
    add({ from: "system", text: T.cleared });
    input.focus();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = "";
    post(text);
  });

  function restoreHistory() {
    return fetch("/api/public/conversations/" + encodeURIComponent(state.sessionId) + "/history", proved())
      .then(function (r) { return r.ok ? r.json() : { messages: [] }; })
      .then(function (history) { history.messages.forEach(add); })
      .catch(function () { /* the conversation goes on; only the past is not shown */ });
  }

  if (state.sessionId) {
    restoreHistory().then(function () {
      if (resumedBy) {
        add({ from: "system", text: resumedBy === "link" ? T.resumed_by_link : T.resumed_on_device });
      }
      refreshStatus();
    });
  }
  if (state.open) { setOpen(true); }
})();
