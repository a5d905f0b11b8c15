from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "urgent.web.api"
    label = "urgent_api"
    verbose_name = "API"
