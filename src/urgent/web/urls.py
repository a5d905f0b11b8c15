from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("urgent.web.site.urls")),
    path("accounts/", include("urgent.web.accounts.urls")),
    path("campaign/", include("urgent.web.campaign.urls")),
    path("feeds/", include("urgent.web.feeds.urls")),
    path("api/", include("urgent.web.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
