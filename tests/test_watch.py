"""The preview's watcher: a save is one change, reading is none, and only sources count."""
from __future__ import annotations

import threading
from pathlib import Path

from generator.site.watch import SourceWatcher


def make_project(root: Path) -> Path:
    for folder in ("content/steps/01-a", "theme/overrides", "build/default/docs"):
        (root / folder).mkdir(parents=True)
    (root / "content" / "steps" / "01-a" / "uitleg.md").write_text("# Uitleg\n", encoding="utf-8")
    (root / "theme" / "overrides" / "main.html").write_text("x", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return root


def test_a_burst_of_saves_is_one_batch_with_every_file(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    uitleg = root / "content" / "steps" / "01-a" / "uitleg.md"
    new_page = root / "content" / "pages" / "nieuw.md"
    with SourceWatcher(root) as watcher:
        def burst() -> None:
            for n in range(5):  # an editor saving several times in a row
                uitleg.write_text(f"# Uitleg {n}\n", encoding="utf-8")
            new_page.parent.mkdir()
            new_page.write_text("---\ntitle: x\n---\n", encoding="utf-8")
            (root / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")
        threading.Timer(0.1, burst).start()
        changed = watcher.changes(timeout=10)
        assert {str(uitleg), str(new_page), str(root / "mkdocs.yml")} <= changed
        assert watcher.changes(timeout=1) == set()  # the burst came as one batch


def test_reading_and_generated_files_are_no_change(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    with SourceWatcher(root) as watcher:
        (root / "theme" / "overrides" / "main.html").read_text(encoding="utf-8")  # the engine reads the theme
        (root / "build" / "default" / "docs" / "index.md").write_text("gemaakt", encoding="utf-8")
        (root / "notities.txt").write_text("niet gevolgd", encoding="utf-8")
        assert watcher.changes(timeout=1.5) == set()
        theme = root / "theme" / "overrides" / "main.html"
        theme.write_text("y", encoding="utf-8")
        assert watcher.changes(timeout=10) == {str(theme)}
        theme.unlink()
        assert watcher.changes(timeout=10) == {str(theme)}  # a deleted file is a change too
