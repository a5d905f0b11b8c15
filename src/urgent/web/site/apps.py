from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save

# What a public page shows: a change to any of these makes cached pages out of date.
# (Contact points and offices change only with a document, whose case is saved too.)
SHOWN = ("cases.Case", "cases.Person", "cases.Ask", "cases.Target", "cases.Event", "actions.Action")


def _changed(sender: Any, **kwargs: Any) -> None:
    from urgent.web.site.pagecache import changed

    changed()


class SiteConfig(AppConfig):
    name = "urgent.web.site"
    label = "urgent_site"
    verbose_name = "Site"

    def ready(self) -> None:
        for name in SHOWN:
            model = apps.get_model(name)
            post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{name}")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache-delete-{name}")
