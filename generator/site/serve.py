"""Live preview: regenerate when a source changes; the engine's dev server reloads the browser."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.load.yamlio import keep_parsed_files
from generator.site import engine
from generator.site.build import BuildOptions, Project, check, generate
from generator.site.preview_server import PdfOnDemand, PreviewServer, engine_address
from generator.site.watch import SourceWatcher


def touch_all_pages(project: Project) -> None:
    """Make the engine's incremental rebuild redo every page (menu, links or theme changed)."""
    now = time.time_ns()
    for path in project.docs_dir.rglob("*.md"):
        os.utime(path, ns=(now, now))


def regenerate(project: Project, theme_changed: bool = False, pdfs: PdfOnDemand | None = None) -> bool:
    handbook, diags = check(project)
    diags.print_all(sys.stderr)
    if handbook is None:
        print(f"{diags.summary()} De preview toont de laatste goede versie.", file=sys.stderr)
        return False
    if pdfs is not None:
        pdfs.update(handbook)
    # The pages link to the PDFs, but the preview makes a PDF only when it is opened: one save
    # would otherwise wait for every PDF that holds the changed part.
    generated = generate(project, handbook, BuildOptions(with_pdf=False, preview=True, pdf_on_demand=pdfs is not None))
    if theme_changed or generated.layout_changed:
        touch_all_pages(project)
    print(f"Bijgewerkt: {generated.changed} bestand(en) opnieuw gemaakt.", file=sys.stderr)
    return True


def _theme_changed(changed: set[str], project: Project) -> bool:
    """The theme's templates are outside the docs tree: a change there must redo every page."""
    overrides = project.theme_dir / "overrides"
    return any(Path(path).is_relative_to(overrides) for path in changed)


def _stop_on_signals() -> None:
    """Ctrl+C and SIGTERM both end the preview. Ctrl+C is set explicitly: a process started with
    SIGINT ignored (by a launcher or test runner) would otherwise inherit that, and so would the
    engine's server, and neither could be stopped with Ctrl+C."""
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, stop)


def serve(project: Project, address: str) -> int:
    _stop_on_signals()
    keep_parsed_files()
    pdfs = PdfOnDemand(project.theme_dir, project.root / "build" / "pdf-cache")
    if not regenerate(project, pdfs=pdfs):
        return 1
    behind = engine_address("127.0.0.1")
    server = subprocess.Popen(engine.serve_command(project.config_path, f"{behind[0]}:{behind[1]}"))
    try:
        with PreviewServer(address, pdfs, behind), SourceWatcher(project.root) as watcher:
            print(f"Preview op http://{address}/ — stop met Ctrl+C.", file=sys.stderr)
            while server.poll() is None:
                changed = watcher.changes(timeout=0.5)
                if changed:
                    regenerate(project, _theme_changed(changed, project), pdfs)
    except KeyboardInterrupt:
        pass
    finally:
        stop_server(server)
    return 0


def stop_server(server: subprocess.Popen, grace_seconds: float = 5) -> None:
    """Stop the engine's dev server. It normally stops at once, but one caught in a rebuild can hang
    in its own shutdown; left running, it would keep the port and the caller's output pipe open."""
    server.terminate()
    try:
        server.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
