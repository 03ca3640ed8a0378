"""Serving an uploaded file from MEDIA_ROOT, for the apps' own media views.

Each app decides who may fetch its files (activity photos: councils/views/media.py);
this only sends the bytes. Caches may keep a copy but must ask again before using it
(``no-cache``): the answer is then a cheap 304 from Last-Modified while the file may still
be seen, and a 404 as soon as it may not (a council unpublished after its photos were
viewed). A private file is never kept by a shared cache.
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
    patch_cache_control(response, no_cache=True, **({"public": True} if public else {"private": True}))
    return response
