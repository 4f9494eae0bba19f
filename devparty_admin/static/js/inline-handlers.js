/* The content security policy forbids inline event handlers, and a few of Flask-Admin's
 * templates still use them (onclick="return modelActions.execute('…')", "safeConfirm('…')",
 * "return false;"). The browser no longer runs them: this script does the same work from
 * their text, once, for the whole page; links to "javascript:void(0)" (menu toggles) just
 * stay where they are. */
(function () {
  "use strict";
  var ACTION = /modelActions\.execute\('([^']*)'\)/;
  var CONFIRM = /(?:safeConfirm|confirm)\('((?:[^'\\]|\\.)*)'\)/;

  document.addEventListener("click", function (event) {
    if (event.target.closest('a[href^="javascript:"]')) { event.preventDefault(); }
    var element = event.target.closest("[onclick]");
    if (!element) { return; }
    var code = element.getAttribute("onclick");
    var action = ACTION.exec(code);
    var question = CONFIRM.exec(code);
    if (action) {
      event.preventDefault();
      window.modelActions.execute(action[1]);
    } else if (question) {
      if (!window.confirm(question[1].replace(/\\(.)/g, "$1"))) { event.preventDefault(); }
    } else if (/return false/.test(code)) {
      event.preventDefault();
    }
  }, true);
}());
