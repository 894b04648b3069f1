"""What WeasyPrint may load while it renders: the theme's own files and inline data, nothing else.

WeasyPrint fetches every URL and file path an <img> or a stylesheet names. A fetcher that
refuses the rest keeps a hostile image address from making the build read local files or
reach the network; a refusal becomes a WeasyPrint warning, and so a build error.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher


class RefusedURL(ValueError):
    """Raised for an address outside the allowed folders; WeasyPrint logs it as a warning."""


def allowed_path(url: str, roots: tuple[Path, ...]) -> Path | None:
    """The local file a file: URL names, if it lies inside one of `roots` (after resolving)."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    return path if any(path.is_relative_to(root) for root in roots) else None


class ProjectOnlyFetcher(URLFetcher):
    """Serves data: URLs and files inside the given folders; refuses every other address."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = tuple(root.resolve() for root in roots)

    def fetch(self, url: str, headers: dict | None = None):  # type: ignore[override]
        if url.startswith("data:") or allowed_path(url, self.roots) is not None:
            return super().fetch(url, headers)
        raise RefusedURL(f"adres buiten het project geweigerd: {url[:200]}")
