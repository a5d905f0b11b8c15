from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "urgent.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
