"""Snapshot of the generated docs tree and navigation for the minimal handbook.

Run `pytest --update-snapshots` after an intended change, and review the diff in git.
"""
from __future__ import annotations

import io
from pathlib import Path

from conftest import FIXTURES, ROOT
from ruamel.yaml import YAML

from generator.site.build import Project, check
from generator.web.site_tree import build_tree

SNAPSHOTS = ROOT / "tests" / "snapshots"


def generated_text(fixture: str) -> dict[str, str]:
    project = Project(FIXTURES / fixture)
    handbook, diags = check(project)
    assert handbook is not None, [str(d) for d in diags.items]
    tree = build_tree(handbook, project.theme_dir / "assets")
    texts = {path: data.decode("utf-8") for path, data in tree.files.items()
             if path.endswith(".md")}
    out = io.StringIO()
    YAML().dump({"nav": tree.nav}, out)
    texts["nav.yml"] = out.getvalue()
    return texts


def test_minimal_docs_tree_matches_snapshot(update_snapshots: bool) -> None:
    texts = generated_text("minimal")
    folder = SNAPSHOTS / "minimal"
    if update_snapshots:
        for path, text in texts.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    stored = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
              for p in folder.rglob("*") if p.is_file()}
    assert sorted(stored) == sorted(texts), "pages added or removed; run pytest --update-snapshots"
    for path, text in texts.items():
        assert text == stored[path], f"{path} changed; run pytest --update-snapshots and review"
