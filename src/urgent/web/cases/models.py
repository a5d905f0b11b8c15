"""Cases and the documents they are built from.

A Document keeps its original bytes, cleaned text and extracted record; a Case
gathers the documents about one incident (an UA, its updates, other
organisations' letters and releases). Campaigners' edits are Corrections,
applied again whenever a document is re-extracted.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from urgent.record import Record


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DEADLINE_PASSED = "deadline_passed", _("deadline passed")
        CLOSED = "closed", _("closed")

    class Outcome(models.TextChoices):
        NONE = "", "—"
        RELEASED = "released", _("released")
        RETURNED = "returned", _("returned")
        TRANSFERRED = "transferred", _("transferred")
        UNKNOWN = "unknown", _("unknown")

    title = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.NONE, blank=True)
    countries = models.JSONField(default=list, blank=True)
    people_count = models.PositiveIntegerField(null=True, blank=True)
    people_at_least = models.BooleanField(default=False)
    places = models.JSONField(default=list, blank=True)
    risks = models.JSONField(default=list, blank=True)
    issued = models.DateField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    summary = models.TextField(
        blank=True, help_text="From the documents; may name people: never shown publicly."
    )
    public_summary = models.TextField(blank=True, help_text="What the public pages say about the case.")
    published = models.BooleanField(default=False, help_text="Shown on public pages, feeds and the API.")
    published_at = models.DateTimeField(null=True, blank=True)
    # indexed first in case_link_candidates, which serves lookups by merged_into too
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["published", "status"]),
            # `linking.candidates` filters cases by all of these: read from the index alone,
            # not from the case rows, they cost a quarter of the time at 10,000 documents
            models.Index(
                fields=["merged_into", "issued", "deadline", "people_count", "countries"],
                name="case_link_candidates",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Case {self.pk}"

    @property
    def ua_list(self) -> list[str]:
        return sorted(n.number for n in self.numbers.all())


class CaseNumber(models.Model):
    """An Urgent Action number ("61/19") and the case it belongs to."""

    number = models.CharField(max_length=20, unique=True)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="numbers")

    def __str__(self) -> str:
        return f"UA {self.number}"


class Document(models.Model):
    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=500, blank=True)
    format = models.CharField(max_length=20)
    size = models.PositiveIntegerField()
    original = models.BinaryField()
    text = models.TextField()
    record = models.JSONField()
    extractor_version = models.CharField(max_length=20)
    kind = models.CharField(max_length=30, db_index=True)
    organisation = models.CharField(max_length=200, blank=True)
    ua_number = models.CharField(max_length=20, blank=True, db_index=True)
    issued = models.DateField(null=True, blank=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["issued", "id"]

    def __str__(self) -> str:
        return self.name or self.sha256[:12]

    def parsed(self) -> Record:
        """The stored record through the model, with campaigners' corrections applied."""
        record = Record.from_dict(self.record)
        return record

    def corrected_record(self) -> dict[str, Any]:
        from urgent.web.cases.corrections import apply_corrections

        corrections = list(self.corrections.all())  # ordered by Meta; prefetched when at hand
        return apply_corrections(self.record, corrections) if corrections else self.record


class Person(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=300)
    gender = models.CharField(max_length=20, blank=True)
    vulnerabilities = models.TextField(blank=True)
    public = models.BooleanField(default=False, help_text="Names of people at risk are personal data.")
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "name"], name="one_person_per_name")]

    def __str__(self) -> str:
        return self.name


class Ask(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="asks")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="asks")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    kinds = models.JSONField(default=list)
    group = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["document_id", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class Target(models.Model):
    class Role(models.TextChoices):
        APPEAL = "appeal", "appeal"
        COPY = "copy", "copy"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="targets")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveIntegerField(default=0)
    role = models.CharField(max_length=10, choices=Role.choices)
    official = models.ForeignKey("officials.Official", null=True, blank=True, on_delete=models.SET_NULL)
    office = models.ForeignKey("officials.Office", null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField(max_length=300, blank=True)
    title = models.CharField(max_length=300, blank=True)
    organisation = models.CharField(max_length=300, blank=True)
    salutation = models.CharField(max_length=200, blank=True)
    group = models.CharField(max_length=200, blank=True)
    asks = models.ManyToManyField(Ask, blank=True, related_name="targets")

    class Meta:
        ordering = ["document_id", "position"]

    def __str__(self) -> str:
        return self.name or self.organisation or self.title


class Event(models.Model):
    class Kind(models.TextChoices):
        DETAINED = "detained", _("detained")
        MOVED = "moved", _("moved")
        UPDATE = "update_issued", _("update issued")
        RETURNED = "returned", _("returned")
        RELEASED = "released", _("released")
        TRANSFERRED = "transferred", _("transferred")
        CLOSED = "closed", _("closed")
        OTHER = "other", _("other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    date = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.date or ''}".strip()


class Correction(models.Model):
    """A campaigner's edit of one extracted value: kept across re-extraction."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=200, help_text='A record path: "deadline", "targets[0].faxes".')
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.field}: {self.old_value!r} → {self.new_value!r}"


class LinkProposal(models.Model):
    """Two cases that may be one, with the score and the reasons; merged at once
    above the threshold, otherwise waiting for a campaigner. Merges can be undone."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        MERGED = "merged", _("merged")
        REJECTED = "rejected", _("not the same case")
        UNDONE = "undone", _("merge undone")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="proposals")
    other = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="proposals_as_other")
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL)
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    moved_documents = models.JSONField(default=list, blank=True, help_text="Documents moved by the merge.")
    automatic = models.BooleanField(default=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} ~ {self.other_id} ({self.score:.2f}, {self.status})"


class AuditLog(models.Model):
    """Every campaigner edit: who changed what, when, from what to what."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=40)  # correct, publish, unpublish, merge, undo_merge, event, close…
    model = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    field = models.CharField(max_length=200, blank=True)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user}: {self.action} {self.model} {self.object_id} {self.field}"

    @classmethod
    def record(
        cls, user: Any, action: str, obj: models.Model, field: str = "", old: Any = None, new: Any = None
    ) -> AuditLog:
        return cls.objects.create(
            user=user if getattr(user, "is_authenticated", False) else None,
            action=action,
            model=obj._meta.model_name or "",
            object_id=str(obj.pk),
            field=field,
            old_value=old,
            new_value=new,
        )


class Upload(models.Model):
    """A file a campaigner uploaded, waiting for (or done with) background ingestion.

    The bytes wait here so the task gets only an id; they are dropped once
    processed, because the stored Document keeps its own copy."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        PROCESSING = "processing", "processing"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    name = models.CharField(max_length=500)
    size = models.PositiveIntegerField()
    data = models.BinaryField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL)
    already_stored = models.BooleanField(default=False, help_text="The same file had been stored before.")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.status})"
