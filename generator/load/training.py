"""content/training/: the programme, its meetings, role-play cards, exercises and the pocket card."""
from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.load.loader import Loaded, load_list, load_model
from generator.model.schema.training import Card, Exercise, Meeting, PocketCard, Programme
from generator.model.training import Training


def load_training(content: Path, diags: Diagnostics, loaded: Loaded) -> Training | None:
    """None when the handbook has no content/training/ folder, or its programme could not be read."""
    folder = content / "training"
    if not folder.is_dir():
        return None
    programme_file = folder / "programme.yml"
    if not programme_file.is_file():
        diags.error(diags.at(folder), "NC057", "'programme.yml' ontbreekt in deze map; "
                    "verwacht: content/training/programme.yml naast de bijeenkomsten")
        return None
    programme = load_model(programme_file, Programme, diags, loaded)
    meetings = [m for m in (load_model(p, Meeting, diags, loaded)
                            for p in sorted((folder / "meetings").glob("*.yml"))) if m is not None]
    pocket = load_model(folder / "pocket_card.yml", PocketCard, diags, loaded) \
        if (folder / "pocket_card.yml").is_file() else None
    if programme is None:
        return None
    return Training(programme, sorted(meetings, key=lambda m: m.number),
                    load_list(folder / "cards.yml", Card, diags, loaded, "kaart"),
                    load_list(folder / "exercises.yml", Exercise, diags, loaded, "oefening"), pocket)
