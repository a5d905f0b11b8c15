"""What supporters did: one row per letter sent, with no personal data.

A supporter needs no account to act. Repeated clicks are folded by a
fingerprint (a keyed hash of the browser, the case, the target, the channel
and the day: it identifies no one), and a client may log only so many
actions a minute.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Action(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "e-mail"
        POST = "post", "post"
        FAX = "fax", "fax"
        ONLINE = "online", "online form or social media"

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="actions")
    target = models.ForeignKey(
        "cases.Target", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    language = models.CharField(max_length=10)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    fingerprint = models.CharField(max_length=64, unique=True)
    client = models.CharField(
        max_length=64, db_index=True, help_text="Keyed hash of the browser; rotates daily."
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.channel} {self.language} case {self.case_id}"
