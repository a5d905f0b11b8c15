"""Supporters' optional accounts, campaigners' roles, API tokens and alerts."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

CAMPAIGNER = "campaigner"


def is_campaigner(user: object) -> bool:
    """Campaigners and admins review, correct and publish; supporters act."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    return user.groups.filter(name=CAMPAIGNER).exists()  # type: ignore[attr-defined]


class ApiToken(models.Model):
    """A token for writing through the API; only its hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @staticmethod
    def digest(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: object, name: str) -> tuple[ApiToken, str]:
        """A new token; the key is shown once and never stored."""
        key = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, key_hash=cls.digest(key)), key


class Alert(models.Model):
    """E-mail a supporter about new cases (in some countries) and updates to cases they acted on."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    email = models.EmailField()
    countries = models.JSONField(default=list, blank=True)
    new_cases = models.BooleanField(default=True)
    updates = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"alerts for {self.email}"


class AlertSent(models.Model):
    """One alert e-mailed: a task run twice, or a case published twice, sends nothing twice."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="sent")
    key = models.CharField(max_length=100, help_text='What it was about: "new:12", "update:12:event:40".')
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "key"], name="one_alert_per_news")]

    def __str__(self) -> str:
        return f"{self.key} to {self.alert.email}"
