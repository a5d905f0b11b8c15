from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_init, post_save

# What a public page shows: a change to any of these makes cached pages out of date.
# (Contact points and offices change only with a document, whose case is saved too.)
# Changes that only touch unpublished cases (most of an ingest) change no public page.
PARTS = ("cases.Person", "cases.Ask", "cases.Target", "cases.Event")


def _published(instance: Any) -> bool:
    # from __dict__: a deferred field is not loaded by asking (one query per case)
    return bool(instance.__dict__.get("published", False))


def _case_loaded(sender: Any, instance: Any, **kwargs: Any) -> None:
    instance._was_published = _published(instance)


def _case_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _published(instance) or getattr(instance, "_was_published", False):
        _changed()
    instance._was_published = _published(instance)


def _part_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from urgent.web.cases.models import Case

    if Case.objects.filter(pk=instance.case_id, published=True).exists():
        _changed()


def _changed(*args: Any, **kwargs: Any) -> None:
    from urgent.web.site.pagecache import changed

    changed()


class SiteConfig(AppConfig):
    name = "urgent.web.site"
    label = "urgent_site"
    verbose_name = "Site"

    def ready(self) -> None:
        case = apps.get_model("cases.Case")
        post_init.connect(_case_loaded, sender=case, dispatch_uid="pagecache-case-init")
        post_save.connect(_case_changed, sender=case, dispatch_uid="pagecache-case-save")
        post_delete.connect(_case_changed, sender=case, dispatch_uid="pagecache-case-delete")
        for name in PARTS:
            model = apps.get_model(name)
            post_save.connect(_part_changed, sender=model, dispatch_uid=f"pagecache-save-{name}")
            post_delete.connect(_part_changed, sender=model, dispatch_uid=f"pagecache-delete-{name}")
        action = apps.get_model("actions.Action")
        post_save.connect(_changed, sender=action, dispatch_uid="pagecache-action")
