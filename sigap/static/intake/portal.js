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
