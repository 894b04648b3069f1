"""Which source files changed, from the file system's own events (watchdog), a burst at a time."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
                             FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent,
                             FileSystemEventHandler)
from watchdog.observers import Observer

WATCHED = ("content", "worksheets", "theme", "site_config", "mkdocs.yml")
# Events that can mean a change; opening or reading a file (the engine reads the theme) cannot,
# nor a folder's own time (the event of the file inside says more).
CHANGE_EVENTS = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
                 DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
# One save is a burst of events (a temporary file, a rename, new attributes), and a checkout
# or a search-and-replace touches many files: wait until the file system has been quiet this long.
QUIET_SECONDS = 0.25


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class SourceWatcher(FileSystemEventHandler):
    """Gathers changed paths under the watched sources of `root`; use it as a context manager."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._watched = tuple(str(root / name) for name in WATCHED)
        self._pending: set[str] = set()
        self._stamps: dict[str, tuple[int, int] | None] = {}
        self._lock = threading.Lock()
        self._arrived = threading.Event()
        self._observer = Observer()

    def __enter__(self) -> SourceWatcher:
        self._stamps = {str(path): _stamp(str(path)) for path in self._files()}
        for folder in (self.root / name for name in WATCHED):
            if folder.is_dir():
                self._observer.schedule(self, str(folder), recursive=True, event_filter=CHANGE_EVENTS)
        # mkdocs.yml, and a watched folder that is made (or replaced) later
        self._observer.schedule(self, str(self.root), recursive=False, event_filter=CHANGE_EVENTS)
        self._observer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._observer.stop()
        self._observer.join()

    def _files(self) -> list[Path]:
        """Every watched file now: what is only read later (its access time) is then no change."""
        tops = [self.root / name for name in WATCHED]
        return [p for top in tops for p in ([top] if top.is_file() else top.rglob("*") if top.is_dir() else [])
                if p.is_file()]

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        with self._lock:
            self._pending.update(p for p in paths if self._is_watched(p))
            if self._pending:
                self._arrived.set()

    def _is_watched(self, path: str) -> bool:
        return any(path == top or path.startswith(top + os.sep) for top in self._watched)

    def changes(self, timeout: float) -> set[str]:
        """The paths changed in the next burst of events, once it is over; empty after `timeout`
        seconds without any. A path whose time and size are as last seen (only read) is left out."""
        if not self._arrived.wait(timeout):
            return set()
        while True:  # wait for the burst to end
            self._arrived.clear()
            if not self._arrived.wait(QUIET_SECONDS):
                break
        with self._lock:
            pending, self._pending = self._pending, set()
        return {path for path in pending if self._changed(path)}

    def _changed(self, path: str) -> bool:
        stamp = _stamp(path)
        if path in self._stamps and self._stamps[path] == stamp and stamp is not None:
            return False
        self._stamps[path] = stamp
        return True

