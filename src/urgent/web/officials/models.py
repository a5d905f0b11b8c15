"""A living directory of officials: people, the offices they hold, how to reach them.

An Official is one person whatever the spelling ("HASSAN Ali", "Hassan Ali",
"President Hassan Ali" share one key); an Office is a position; a Tenure says
who held an office from when to when, as documents showed it. Contact points
keep the first and last time they were seen and the documents that gave them;
when a newer document names a new holder of an office, the old holder's
contact points at that office become stale.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    key = models.CharField(max_length=400, unique=True)
    title = models.CharField(max_length=300, blank=True)
    organisation = models.CharField(max_length=300, blank=True)
    country = models.CharField(max_length=2, blank=True)

    def __str__(self) -> str:
        return ", ".join(p for p in (self.title, self.organisation, self.country) if p)

    def current_tenure(self) -> Tenure | None:
        return self.tenures.filter(superseded_by__isnull=True).order_by("-last_seen").first()


class Official(models.Model):
    key = models.CharField(max_length=300, unique=True)
    name = models.CharField(max_length=300)
    variants = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=2, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Tenure(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="tenures")
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="tenures")
    first_seen = models.DateField()
    last_seen = models.DateField()
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)
    sources = models.ManyToManyField("cases.Document", blank=True, related_name="tenures")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "official"], name="one_tenure_per_holder")]
        ordering = ["office_id", "first_seen"]

    def __str__(self) -> str:
        return f"{self.official} as {self.office} ({self.first_seen}–{self.last_seen})"

    @property
    def superseded(self) -> bool:
        return self.superseded_by_id is not None


class ContactPoint(models.Model):
    class Kind(models.TextChoices):
        POSTAL = "postal", _("postal address")
        FAX = "fax", _("fax")
        EMAIL = "email", _("e-mail")
        PHONE = "phone", _("phone")

    official = models.ForeignKey(
        Official, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    office = models.ForeignKey(
        Office, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    owner = models.CharField(max_length=40, help_text='"official:12" or "office:5": who the point reaches.')
    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.TextField()
    first_seen = models.DateField()
    last_seen = models.DateField()
    stale = models.BooleanField(default=False)
    sources = models.ManyToManyField("cases.Document", blank=True, related_name="contact_points")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind", "value"], name="one_contact_per_value")
        ]
        ordering = ["kind", "first_seen"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"
