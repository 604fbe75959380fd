/* One-time tokens (mentorship/once.py): copy each form's token into its text
   input, unless the browser has just restored the one the form was sent with,
   which is what going Back to a sent form does. */
(() => {
  "use strict";
  document.querySelectorAll("input[data-once]").forEach((input) => {
    if (!input.value) input.value = input.dataset.once;
  });
})();
