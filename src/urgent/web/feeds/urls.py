from django.urls import path

from urgent.web.feeds.feeds import CaseFeed, deadlines

app_name = "feeds"
urlpatterns = [
    path("cases.atom", CaseFeed(), name="cases"),
    path("deadlines.ics", deadlines, name="deadlines"),
]
