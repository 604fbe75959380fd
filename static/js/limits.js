/* No text is cut short in silence (mentorship/forms.py).

   Fields carry their limit as data-maxlength instead of maxlength, so a long
   paste stays whole. Near the limit a count appears under the field; past it,
   the count says how much to trim, and the server's message says so again if
   the form is sent anyway. The visible count changes with every key; screen
   readers hear only when the field crosses a threshold. */
(() => {
  "use strict";

  const NEAR = 0.8; // show the count from 80% of the limit
  const number = (n) => n.toLocaleString("en-US");

  const watch = (field) => {
    const limit = parseInt(field.dataset.maxlength, 10);
    if (!(limit > 0)) return;

    const count = document.createElement("p");
    count.className = "field__count";
    count.id = `${field.id || field.name}_count`;
    count.setAttribute("aria-hidden", "true");
    const spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", count);
    count.insertAdjacentElement("afterend", spoken);

    let state = "";
    const update = () => {
      const length = field.value.length;
      const over = length - limit;
      let next = "quiet";
      if (over > 0) {
        next = "over";
        count.textContent = `${number(length)} of ${number(limit)} characters: ${number(over)} over. Trim a little before you save; nothing has been cut.`;
      } else if (length >= limit * NEAR) {
        next = "near";
        count.textContent = `${number(length)} of ${number(limit)} characters`;
      } else {
        count.textContent = "";
      }
      count.hidden = next === "quiet";
      count.classList.toggle("field__count--over", next === "over");
      if (next !== state) {
        state = next;
        if (next === "over") {
          spoken.textContent = `Over the limit of ${number(limit)} characters. Trim a little before you save.`;
        } else if (next === "near") {
          spoken.textContent = `Close to the limit of ${number(limit)} characters.`;
        } else {
          spoken.textContent = "";
        }
      }
    };
    field.addEventListener("input", update);
    update();
  };

  document.querySelectorAll("[data-maxlength]").forEach(watch);
})();
