from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", include("urgent.web.site.urls")),
    path("accounts/", include("urgent.web.accounts.urls")),
    path("campaign/", include("urgent.web.campaign.urls")),
    path("feeds/", include("urgent.web.feeds.urls")),
    path("api/", include("urgent.web.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=static("urgent/icon.svg"), permanent=True)),
]
