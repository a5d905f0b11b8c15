from django.apps import AppConfig


class CampaignConfig(AppConfig):
    name = "urgent.web.campaign"
    label = "campaign"
    verbose_name = "Campaign"
