"""The portal's URLconf plus /media/, for browser tests only.

With DEBUG off (always, under tests) the portal does not serve uploaded files itself; in
production the front web server does. The live server has no front server, so this stands
in for it: uploaded activity photos can then load in the browser. Nothing else differs.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as portal_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: tests point it at their own tmp_path.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [*portal_urlpatterns, re_path(r"^media/(?P<path>.*)$", media)]
