"""The face-to-face half of the training, loaded from content/training/ (None when a handbook has none)."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.schema.training import Card, Exercise, Meeting, PocketCard, Programme


@dataclass
class Training:
    programme: Programme
    meetings: list[Meeting]                     # by number
    cards: list[Card] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    pocket_card: PocketCard | None = None

    def card(self, card_id: str) -> Card:
        return next(card for card in self.cards if card.id == card_id)

    def exercise(self, exercise_id: str) -> Exercise:
        return next(exercise for exercise in self.exercises if exercise.id == exercise_id)

    def meetings_before_which(self, reference: str) -> list[Meeting]:
        """Meetings that expect this e-learning module ("stap:3") done beforehand."""
        return [meeting for meeting in self.meetings if reference in meeting.before.modules]


# How each kind of agenda block (schema BlockKind) is named on a meeting page and in print.
BLOCK_KINDS = {"opening": "Opening", "uitleg": "Uitleg", "oefening": "Oefening", "rollenspel": "Rollenspel",
               "bespreking": "Bespreking", "pauze": "Pauze", "afsluiting": "Afsluiting"}


def duration(minutes: int) -> str:
    """'3 uur', '2 uur en 30 minuten', '45 minuten': how long a meeting or block takes."""
    hours, rest = divmod(minutes, 60)
    text = f"{hours} uur" if hours else ""
    return f"{text} en {rest} minuten" if hours and rest else text or f"{rest} minuten"


def clock(minutes: int) -> str:
    """Minutes since a meeting began as '1:05', for its timed agenda."""
    return f"{minutes // 60}:{minutes % 60:02d}"
