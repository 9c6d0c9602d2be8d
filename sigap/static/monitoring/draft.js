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

  function send() {
    // Sent once: the answer (the confirming page, or this form with what to correct) decides
    // what follows; the draft itself stays until the confirming page.
    pending = false;
    save();
    say(form.getAttribute("data-draft-sending"));
    form.submit();
  }

  var stored = null;
  try { stored = JSON.parse(storage.getItem(key) || "null"); } catch (error) { stored = null; }
  if (stored && stored.fields) {
    restore(stored.fields);
    pending = Boolean(stored.pending);
    say(form.getAttribute("data-draft-restored"));
    if (pending) {
      if (navigator.onLine) send();
      else window.addEventListener("online", send, { once: true });
    }
  }

  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", function (event) {
    if (navigator.onLine) { save(); return; }
    event.preventDefault();
    pending = true;
    save();
    say(form.getAttribute("data-draft-waiting"));
    window.addEventListener("online", send, { once: true });
  });
})();
