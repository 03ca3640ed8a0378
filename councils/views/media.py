"""Activity photos, served by the portal itself: a published council's photos to everyone,
an unpublished council's only to users whose scope covers the council (404 to others,
exactly as its page)."""

from django.http import Http404
from django.utils.translation import gettext as _

from common.media import serve_media

from .. import permissions
from ..selectors.activities import photo_by_name

PHOTO_FOLDER = "activities/"


def activity_photo(request, path):
    name = PHOTO_FOLDER + path
    photo = photo_by_name(name=name)
    if photo is None:
        raise Http404(_("ไม่พบไฟล์"))
    council = photo.activity.council
    if not council.is_published and not permissions.can_see_unpublished(user=request.user, council=council):
        raise Http404(_("ไม่พบไฟล์"))
    return serve_media(request, name, public=council.is_published)
