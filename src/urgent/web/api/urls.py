"""/api/: the ninja API's paths, then a JSON 404 for any other path under it."""

from django.urls import re_path

from urgent.web.api.api import api, not_found

app_name = "api"
urlpatterns = [*api.urls[0], re_path(r"^.*$", not_found, name="not_found")]
