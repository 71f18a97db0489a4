"""A command that cannot be carried out, as a typed key and the words it needs.

Pure Python, no Home Assistant import. The core (``model.py``, ``routine_runner.py``) and
the runtime raise ``Refusal`` for an impossible command: no break to skip, no routine to
pause. ``key`` names a message under ``exceptions`` in translations/*.json; its
``placeholders`` fill the message (the runtime adds the desk's name and the routine's).
One boundary turns it into what the user sees: a translated error for actions and
buttons (``helpers.refusals_translated``), the spoken error for voice (``intent.py``).
"""

from __future__ import annotations

from collections.abc import Mapping


class Refusal(Exception):  # noqa: N818 - a refusal is an answer, not an error in the code
    """The command cannot be carried out; ``key`` says why, ``placeholders`` fill the text."""

    def __init__(self, key: str, placeholders: Mapping[str, str] | None = None) -> None:
        """Keep the translation key and the placeholders its message needs."""
        super().__init__(key)
        self.key = key
        self.placeholders: dict[str, str] = dict(placeholders or {})

    def with_placeholders(self, **placeholders: str) -> Refusal:
        """The same refusal with more placeholders (ones it has already are kept)."""
        return Refusal(self.key, placeholders | self.placeholders)
