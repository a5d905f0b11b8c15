"""Campaigner pages under /campaign/. Reviewing documents (upload, review, correct,
publish) and managing cases (dashboard, links, events, officials, audit) are kept
in two modules; every view is wrapped in ``campaigner_required``."""

from urgent.web.campaign.manage_urls import urlpatterns as manage
from urgent.web.campaign.review_urls import urlpatterns as review

app_name = "campaign"
urlpatterns = [*review, *manage]
