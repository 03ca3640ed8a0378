"""Serving an uploaded file from MEDIA_ROOT, for the apps' own media views.

Each app decides who may fetch its files (activity photos: councils/views/media.py);
this only sends the bytes. Files are immutable (Django gives each upload a fresh name),
so a public one may be cached for long; a private one is never kept by a shared cache.
"""

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.static import serve


def serve_media(request, name: str, *, public: bool):
    if ".." in name.split("/"):
        raise Http404(_("ไม่พบไฟล์"))
    response = serve(request, name, document_root=settings.MEDIA_ROOT)
    if public:
        patch_cache_control(response, public=True, max_age=7 * 24 * 3600)
    else:
        patch_cache_control(response, private=True, max_age=3600)
    return response
