/* Nothing typed is lost.

   A form marked data-draft-key="<key>" keeps what is typed in this browser's
   local storage, under "draft:<key>", as it is typed. When the page comes back
   with an empty form (the session expired and the log-in sent the person back
   here, or the tab was closed), the draft is put back, with a short notice.

   The form carries a hidden input named draft_id with the draft's id. When the
   server has saved a submission, it lists that id in data-saved-drafts (on the
   form, or on any element of a later page), and the draft is forgotten instead
   of restored. Drafts older than MAX_AGE_DAYS are forgotten too: on a shared
   computer, private notes should not linger.

   The server says whether the form is a fresh one with data-draft-fresh; a form
   that came back after a failed check already holds everything as typed. */
(() => {
  "use strict";

  const PREFIX = "draft:";
  const MAX_AGE_DAYS = 7;
  const SKIPPED_TYPES = ["hidden", "password", "submit", "button", "reset", "file"];
  const TEXT_TYPES = ["text", "textarea", "search", "email", "url", "tel"];

  let store;
  try {
    store = window.localStorage;
    store.getItem(PREFIX);
  } catch (error) {
    return; // Storage is off (private mode, a strict policy): forms still work.
  }

  const read = (key) => {
    try {
      return JSON.parse(store.getItem(PREFIX + key));
    } catch (error) {
      return null;
    }
  };
  const write = (key, draft) => {
    try {
      store.setItem(PREFIX + key, JSON.stringify(draft));
    } catch (error) {
      // Full or refused: the server-side form still keeps a failed submission.
    }
  };
  const forget = (key) => store.removeItem(PREFIX + key);

  const newId = () => {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  };

  const savedIds = () => {
    const ids = new Set();
    document.querySelectorAll("[data-saved-drafts]").forEach((element) => {
      element.dataset.savedDrafts.split(/\s+/).filter(Boolean).forEach((id) => ids.add(id));
    });
    return ids;
  };

  // Forget drafts the server has saved, and old ones, whatever the page.
  const forgetSavedAndStale = () => {
    const saved = savedIds();
    const oldest = Date.now() - MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const name = store.key(i);
      if (!name || !name.startsWith(PREFIX)) continue;
      const key = name.slice(PREFIX.length);
      const draft = read(key);
      if (!draft || saved.has(draft.id) || !(draft.savedAt > oldest)) forget(key);
    }
  };

  const fieldsOf = (form) =>
    Array.from(form.elements).filter(
      (el) =>
        el.name &&
        el.name !== "csrfmiddlewaretoken" &&
        el.name !== "draft_id" &&
        !el.name.startsWith("once") &&
        !SKIPPED_TYPES.includes(el.type),
    );

  const isText = (el) => TEXT_TYPES.includes(el.type);

  const collect = (form) => {
    const values = {};
    fieldsOf(form).forEach((el) => {
      if (el.type === "checkbox" || el.type === "radio") {
        values[el.name] = values[el.name] || [];
        if (el.checked) values[el.name].push(el.value);
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  };

  const hasWords = (form, values) =>
    fieldsOf(form).some((el) => isText(el) && (values[el.name] || "").trim() !== "");

  const restore = (form, values) => {
    fieldsOf(form).forEach((el) => {
      if (!(el.name in values)) return;
      const value = values[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = Array.isArray(value) && value.includes(el.value);
      } else if (!isText(el) || el.value === "") {
        el.value = value;
      }
    });
  };

  const showNotice = (form, onStartAfresh) => {
    const notice = document.createElement("div");
    notice.className = "notice draft-notice";
    notice.setAttribute("role", "status");
    const text = document.createElement("p");
    text.textContent = "We restored what you were writing.";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button--quiet";
    button.textContent = "Start afresh";
    button.addEventListener("click", () => {
      onStartAfresh();
      notice.remove();
    });
    notice.append(text, button);
    const token = form.querySelector("input[name=csrfmiddlewaretoken]");
    form.insertBefore(notice, token ? token.nextSibling : form.firstChild);
  };

  const keep = (form) => {
    const key = form.dataset.draftKey;
    const idInput = form.querySelector("input[name=draft_id]");
    let draft = read(key);

    if (draft && form.dataset.draftFresh === "true" && hasWords(form, draft.values || {})) {
      restore(form, draft.values || {});
      showNotice(form, () => {
        form.reset();
        forget(key);
        draft = null;
        if (idInput) idInput.value = "";
      });
    }
    if (draft && idInput) idInput.value = draft.id;

    const save = () => {
      const values = collect(form);
      if (!draft && !hasWords(form, values)) return; // Nothing typed yet.
      draft = { id: (draft && draft.id) || newId(), savedAt: Date.now(), values };
      if (idInput) idInput.value = draft.id;
      write(key, draft);
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", save);
  };

  // Logging out on purpose forgets every draft in this browser.
  const forgetAll = () => {
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const name = store.key(i);
      if (name && name.startsWith(PREFIX)) store.removeItem(name);
    }
  };

  forgetSavedAndStale();
  document.querySelectorAll("form[data-forget-drafts]").forEach((form) => {
    form.addEventListener("submit", forgetAll);
  });
  document.querySelectorAll("form[data-draft-key]").forEach(keep);
})();
