// Drafts kept on this device: a form marked data-draft keeps what is typed (localStorage)
// until it is sent. Without a connection, sending waits, and goes by itself when the
// connection returns. A page that confirms the sending forgets the draft; signing out
// forgets every draft of the device. Without JavaScript the form is a plain form.
(function () {
  var PREFIX = "sigap-draft:";
  var storage;
  try { storage = window.localStorage; } catch (error) { return; }
  if (!storage) return;

  document.querySelectorAll("[data-draft-sent]").forEach(function (element) {
    storage.removeItem(PREFIX + element.getAttribute("data-draft-sent"));
  });
  document.querySelectorAll("form[data-forget-drafts]").forEach(function (signOut) {
    signOut.addEventListener("submit", function () {
      Object.keys(storage).forEach(function (key) {
        if (key.indexOf(PREFIX) === 0) storage.removeItem(key);
      });
    });
  });

  var form = document.querySelector("form[data-draft]");
  if (!form) return;
  var key = PREFIX + form.getAttribute("data-draft");
  var status = document.getElementById("draft-status");
  var pending = false;

  function say(text) {
    if (status) { status.textContent = text; status.hidden = !text; }
  }

  function fields() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "csrfmiddlewaretoken" || field.type === "submit") return;
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) return;
      values[field.name] = field.value;
    });
    return values;
  }

  function save() {
    storage.setItem(key, JSON.stringify({ fields: fields(), pending: pending }));
  }

  function restore(values) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !(field.name in values) || field.name === "csrfmiddlewaretoken") return;
      if (field.type === "radio") field.checked = field.value === values[field.name];
      else if (field.type === "checkbox") field.checked = true;
      else if (field.type !== "submit") field.value = values[field.name];
    });
  }

  // Sending: with fetch where it exists, so that a request lost on a weak connection (the
  // browser may still say it is online) keeps the draft and is tried again; the form's own
  // key makes a follow-up that did arrive count once. A page with what to correct is shown
  // by sending the form the usual way.
  var retry = null;

  function wait() {
    pending = true;
    save();
    say(form.getAttribute("data-draft-waiting"));
    if (!retry) retry = window.setInterval(function () { if (navigator.onLine) send(); }, 30000);
  }

  var sending = false;  // one request at a time (a tap, the timer and "online" may meet)

  function send() {
    if (sending) return;
    say(form.getAttribute("data-draft-sending"));
    if (!window.fetch || !window.FormData) { pending = false; save(); form.submit(); return; }
    sending = true;
    window.fetch(form.action || window.location.href, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Sigap-Draft": "1" }
    }).then(function (response) {
      sending = false;
      // The way failed, not the form (a proxy's 502/504, a timeout, too many requests):
      // keep the draft pending and try again.
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        wait();
        return null;
      }
      if (retry) { window.clearInterval(retry); retry = null; }
      pending = false;
      save();
      var json = (response.headers.get("Content-Type") || "").indexOf("json") >= 0;
      if (!response.ok || !json) { form.submit(); return null; }  // what to correct, or sign in
      return response.json().then(function (answer) {
        storage.removeItem(key);  // kept by the server
        window.location.assign(answer.location);
      });
    }).catch(function () { sending = false; wait(); });
  }

  var stored = null;
  try { stored = JSON.parse(storage.getItem(key) || "null"); } catch (error) { stored = null; }
  if (stored && stored.fields) {
    restore(stored.fields);
    pending = Boolean(stored.pending);
    say(form.getAttribute("data-draft-restored"));
    if (pending) {
      if (navigator.onLine) send();
      else wait();
    }
  }

  window.addEventListener("online", function () { if (pending) send(); });
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    save();
    if (navigator.onLine) send();
    else wait();
  });
})();
