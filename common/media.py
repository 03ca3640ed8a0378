"""Serving public uploads (activity photos) from MEDIA_ROOT.

Only the public ``activities/`` folder is served this way, so the portal needs no other
web server for photos; generated reports are never served from here but through the
scoped download view. Files are immutable (Django gives each upload a fresh name), so
they may be cached for long.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.static import serve

PUBLIC_FOLDERS = ("activities/",)


def public_media(request, path):
    from django.http import Http404

    if not path.startswith(PUBLIC_FOLDERS) or ".." in path.split("/"):
        raise Http404("ไม่พบไฟล์")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=7 * 24 * 3600)
    return response
