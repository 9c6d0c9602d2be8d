// Quick exit: leave at once for a neutral page, without leaving this page in the history.
// Without JavaScript the same button is a plain link to that page.
(function () {
  var button = document.getElementById("quick-exit");
  if (!button) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.innerHTML = "";
    window.location.replace(button.getAttribute("href"));
  }
  button.addEventListener("click", leave);
  var pressed = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    pressed += 1;
    if (pressed >= 2) leave();
    setTimeout(function () { pressed = 0; }, 1000);
  });
})();

// Place suggestions: once a regency is chosen, its districts and villages are offered while
// typing (a datalist). Without JavaScript the field is plain free text.
(function () {
  var regency = document.getElementById("id_regency");
  var list = document.getElementById("place-suggestions");
  if (!regency || !list || !window.fetch) return;
  function load() {
    list.innerHTML = "";
    if (!regency.value) return;
    fetch(list.dataset.source + "?kab=" + encodeURIComponent(regency.value))
      .then(function (response) { return response.ok ? response.json() : { places: [] }; })
      .then(function (data) {
        data.places.forEach(function (name) {
          var option = document.createElement("option");
          option.value = name;
          list.appendChild(option);
        });
      })
      .catch(function () { /* offline: the field stays free text */ });
  }
  regency.addEventListener("change", load);
  load();
})();
