from django.apps import AppConfig


class OfficialsConfig(AppConfig):
    name = "urgent.web.officials"
    label = "officials"
    verbose_name = "Officials"
