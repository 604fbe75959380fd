"""What every form of the app shares: no text is ever cut short in silence.

A `maxlength` attribute makes the browser cut a pasted 20,000 characters down to
the limit without a word. So no field is rendered with one: the limit travels as
`data-maxlength`, where static/js/limits.js shows a live count near it, and the
server's own kind message (TOO_LONG) says what to trim, with everything typed
still in the field.
"""

from django.forms.renderers import DjangoTemplates

TOO_LONG = (
    "Please keep this under %(limit_value)s characters; it has %(show_value)s now. "
    "Everything you wrote is still here to trim."
)


class SoftLimitsRenderer(DjangoTemplates):
    """Django's form renderer, with each widget's maxlength kept as data-maxlength."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget and "maxlength" in widget.get("attrs", {}):
            attrs = dict(widget["attrs"])
            attrs["data-maxlength"] = attrs.pop("maxlength")
            context = {**context, "widget": {**widget, "attrs": attrs}}
        return super().render(template_name, context, request)
