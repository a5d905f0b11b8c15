from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "urgent.web.cases"
    label = "cases"
    verbose_name = "Cases"
