"""A WeasyPrint URL fetcher that fetches nothing from outside.

Only ``data:`` URLs and files under the project's static directories, the Sarabun font
package and the PDF image cache (``pdf_image_dir``: photos already downscaled for print)
are served; every other URL (http, https, ftp, any other file) is refused.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import fontpkg_sarabun
from django.conf import settings
from weasyprint.urls import URLFetcher

FONT_DIR = Path(fontpkg_sarabun.ROOT) / "files"


def pdf_image_dir() -> Path:
    """Where images made small for a PDF are kept (under MEDIA_ROOT, never served by URL)."""
    return Path(settings.MEDIA_ROOT) / "pdf-images"


def allowed_roots() -> list[Path]:
    roots = [FONT_DIR.resolve(), pdf_image_dir().resolve()]
    roots += [Path(p).resolve() for p in settings.STATICFILES_DIRS]
    return roots


class LocalOnlyFetcher(URLFetcher):
    def __init__(self, **kwargs):
        super().__init__(allowed_protocols={"file", "data"}, **kwargs)
        self._roots = allowed_roots()

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"refused: {url} is outside the project's static files")
        elif parsed.scheme != "data":
            raise ValueError(f"refused: {url} (our PDFs fetch nothing from outside)")
        return super().fetch(url, headers)


def font_url(weight: str = "Regular") -> str:
    return (FONT_DIR / f"Sarabun-{weight}.ttf").resolve().as_uri()
