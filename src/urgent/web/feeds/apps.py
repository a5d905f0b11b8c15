from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "urgent.web.feeds"
    label = "feeds"
    verbose_name = "Feeds"
