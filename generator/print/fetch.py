"""What WeasyPrint may load while it renders: the theme's own files and inline data, nothing else.

WeasyPrint fetches every URL and file path an <img> or a stylesheet names. A fetcher that
refuses the rest keeps a hostile image address from making the build read local files or
reach the network; a refusal becomes a WeasyPrint warning, and so a build error.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.print.font_files import truetype, woff2_decompressed


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
    """Serves data: URLs and files inside the given folders; refuses every other address.

    A WOFF2 font is handed over as the TrueType WeasyPrint would make of it, from `font_cache`
    (font_files.py), so it is not decoded again in every worker of every build."""

    def __init__(self, roots: tuple[Path, ...], font_cache: Path | None = None) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = tuple(root.resolve() for root in roots)
        self.font_cache = font_cache

    def fetch(self, url: str, headers: dict | None = None):  # type: ignore[override]
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = allowed_path(url, self.roots)
        if path is None:
            raise RefusedURL(f"adres buiten het project geweigerd: {url[:200]}")
        if path.suffix.lower() == ".woff2" and path.is_file():
            return URLFetcherResponse(url, truetype(path, self.font_cache, woff2_decompressed),
                                      headers={"Content-Type": "font/ttf"})
        return super().fetch(url, headers)
