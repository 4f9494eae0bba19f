/* Flask-Admin's pickers (select2 3.5) speak English ("Please enter 1 or more character", "No
 * matches found"). The page carries the messages in the user's language as JSON
 * (#picker-messages); they become select2's defaults before any picker is built: on page load
 * and when Flask-Admin's form script announces itself ("adminFormReady"). */
(function () {
  "use strict";
  var source = document.getElementById("picker-messages");
  if (!source || !window.jQuery) { return; }
  var text = JSON.parse(source.textContent);
  var $ = window.jQuery;

  function apply() {
    if (!$.fn.select2 || $.fn.select2.defaults.devpartyMessages) { return; }
    $.extend($.fn.select2.defaults, {
      devpartyMessages: true,
      formatNoMatches: function () { return text.noMatches; },
      formatSearching: function () { return text.searching; },
      formatLoadMore: function () { return text.loadMore; },
      formatAjaxError: function () { return text.ajaxError; },
      formatInputTooShort: function (input, min) {
        return text.inputTooShort.replace("{n}", String(min - input.length));
      },
      formatInputTooLong: function (input, max) {
        return text.inputTooLong.replace("{n}", String(input.length - max));
      },
      formatSelectionTooBig: function (limit) {
        return text.selectionTooBig.replace("{n}", String(limit));
      }
    });
  }

  $(document).on("adminFormReady", apply);
  $(apply);
  apply();
}());

/* Dates are typed dd/mm/yyyy; a calendar (Flask-Admin's packaged daterangepicker and moment,
 * nothing from the internet) opens on every date box marked data-role="vn-date", in the
 * user's language, weeks starting on Monday. Typing by hand still works. */
(function () {
  "use strict";
  var source = document.getElementById("picker-messages");
  if (!source || !window.jQuery || !window.moment) { return; }
  var text = JSON.parse(source.textContent);
  var $ = window.jQuery;

  function attach(root) {
    if (!$.fn.daterangepicker) { return; }
    $(root).find('input[data-role="vn-date"]').each(function () {
      if ($(this).data("daterangepicker")) { return; }
      $(this).daterangepicker({
        singleDatePicker: true,
        showDropdowns: true,
        format: "DD/MM/YYYY",
        minDate: "01/01/1920",
        maxDate: moment().add(1, "years").endOf("year").format("DD/MM/YYYY"),
        locale: {applyLabel: text.apply, cancelLabel: text.cancel,
                 daysOfWeek: text.weekdays, monthNames: text.months, firstDay: 1}
      });
      // Typing the date by hand: the calendar steps aside so it hides nothing below it.
      $(this).on("input", function () { $(this).data("daterangepicker").hide(); });
    });
  }

  $(function () { attach(document); });
}());
