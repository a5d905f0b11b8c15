from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "urgent.web.actions"
    label = "actions"
    verbose_name = "Actions"
