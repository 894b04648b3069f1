"""Publishing editions side by side: public/<version>/, versions.json and a redirect to the newest.

The layout is the one `mike` writes, so the theme's version switcher reads it unchanged.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

VERSIONS_FILE = "versions.json"
LATEST = "nieuwste"


def publish_edition(site: Path, public: Path, version: str, title: str) -> list[dict]:
    """Copy a built site into public/<version>/ and list it as the newest edition."""
    public.mkdir(parents=True, exist_ok=True)
    staging = public / f".{version}.new"
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(site, staging)
    target = public / version
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    versions = [v for v in _read_versions(public) if v["version"] != version]
    for entry in versions:
        entry["aliases"] = [a for a in entry.get("aliases", []) if a != LATEST]
    versions.insert(0, {"version": version, "title": title, "aliases": [LATEST]})
    (public / VERSIONS_FILE).write_text(json.dumps(versions, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _write_redirect(public / "index.html", f"{version}/index.html")
    return versions


def _read_versions(public: Path) -> list[dict]:
    path = public / VERSIONS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


def _write_redirect(path: Path, target: str) -> None:
    path.write_text(
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
        f"<title>Naar de nieuwste editie</title><meta http-equiv=\"refresh\" content=\"0; url={target}\">"
        f"</head><body><p><a href=\"{target}\">Naar de nieuwste editie</a></p></body></html>\n",
        encoding="utf-8")
