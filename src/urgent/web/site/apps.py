from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "urgent.web.site"
    label = "urgent_site"
    verbose_name = "Site"
