/* The new-candidate form has a section of fields per sector; only the section of the unit
 * picked is shown (and saved by the server), as soon as the unit is picked. The unit's sector
 * comes from the candidate screen's unit-sector/ (limited to the user's units). */
(function () {
  "use strict";
  var sections = document.querySelectorAll(".form-section[data-sector]");
  var unit = document.getElementById("organization");
  if (!sections.length || !unit || !window.jQuery) { return; }
  var lookup = window.location.pathname.replace(/\/(new|edit)\/?$/, "/unit-sector/");

  function show(sector) {
    sections.forEach(function (section) {
      section.hidden = section.getAttribute("data-sector") !== sector;
    });
  }

  function follow() {
    if (!unit.value) { show(null); return; }
    window.fetch(lookup + "?id=" + encodeURIComponent(unit.value), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : {sector: null}; })
      .then(function (found) { show(found.sector); });
  }

  window.jQuery(unit).on("change", follow);
  follow();
}());
