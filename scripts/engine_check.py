"""`make engine-check`: build the generated tree with MkDocs and Zensical and report differences."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.model.dates import source_date_epoch  # noqa: E402
from generator.site.build import BuildOptions, Project, check, generate  # noqa: E402
from generator.site.engine import build_with_mkdocs, build_with_zensical  # noqa: E402
from generator.site.portability import compare_sites, report  # noqa: E402


def main() -> int:
    project = Project(ROOT)
    handbook, diags = check(project)
    if handbook is None:
        print(diags.summary(), file=sys.stderr)
        return 1
    generate(project, handbook, BuildOptions(with_pdf=False))
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp) / "mkdocs", Path(tmp) / "zensical"
        if not build_with_mkdocs(project.config_path, ours, source_date_epoch(handbook.meta.edition.date)).ok:
            print("MkDocs-build mislukt", file=sys.stderr)
            return 1
        result = build_with_zensical(project.config_path, theirs)
        if not result.ok:
            print(result.output, file=sys.stderr)
            return 1
        text = report(compare_sites(ours, theirs))
    (ROOT / "build" / "engine-check.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
