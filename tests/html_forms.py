"""Read the forms of a rendered page as a browser would, to post them back.

`forms_in(html)` finds every <form>; `Form.data()` is what submitting it sends:
inputs with their values, ticked boxes and radios, selected options, textareas.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (name, value, type)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons

    def names(self, *, hidden: bool | None = None) -> set[str]:
        return {
            name for name, _, kind in self.fields if hidden is None or (kind == "hidden") == hidden
        }

    def data(self, **changes) -> dict[str, list[str]]:
        """What submitting the form sends, with `changes` replacing whole fields."""
        sent: dict[str, list[str]] = {}
        for name, value, _ in self.fields:
            sent.setdefault(name, []).append(value)
        for name, value in changes.items():
            sent[name] = value if isinstance(value, list) else [str(value)]
        return sent


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: tuple[str, bool] | None = None  # (name, multiple)
        self._select_chosen: list[str] = []
        self._select_first: str | None = None
        self._option: dict | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        if self._form is None or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image", "button", "reset"):
                self._form.buttons.append((a["name"], a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.fields.append((a["name"], a.get("value", "on"), kind))
            elif kind != "file":
                self._form.fields.append((a["name"], a.get("value", ""), kind))
        elif tag == "button" and a.get("name") and a.get("type", "submit") == "submit":
            self._form.buttons.append((a["name"], a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], "multiple" in a)
            self._select_chosen, self._select_first = [], None
        elif tag == "option" and self._select:
            self._option = {"value": a.get("value"), "selected": "selected" in a, "text": []}

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)
        if self._option is not None:
            self._option["text"].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            text = "".join(self._text)
            self._form.fields.append((self._textarea, text.removeprefix("\n"), "textarea"))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            option = self._option
            value = option["value"] if option["value"] is not None else "".join(option["text"])
            if self._select_first is None:
                self._select_first = value
            if option["selected"]:
                self._select_chosen.append(value)
            self._option = None
        elif tag == "select" and self._select and self._form is not None:
            name, multiple = self._select
            chosen = self._select_chosen
            if not chosen and not multiple and self._select_first is not None:
                chosen = [self._select_first]
            for value in chosen:
                self._form.fields.append((name, value, "select"))
            self._select = None


def forms_in(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    return parser.forms
