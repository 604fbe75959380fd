"""What mentor and mentee profiles share: open questions answered in free text."""


class PromptsMixin:
    """A profile whose free-text answers are the model fields named in PROMPTS."""

    PROMPTS: list[str] = []

    def _prompt_label(self, name: str) -> str:
        return str(self._meta.get_field(name).verbose_name)

    @property
    def answered_prompts(self) -> list[tuple[str, str]]:
        """(question, answer) for each prompt answered, in the profile's order."""
        return [
            (self._prompt_label(name), getattr(self, name))
            for name in self.PROMPTS
            if getattr(self, name).strip()
        ]

    @property
    def empty_prompts(self) -> list[str]:
        """The questions still unanswered, for the completeness hint."""
        return [
            self._prompt_label(name) for name in self.PROMPTS if not getattr(self, name).strip()
        ]
