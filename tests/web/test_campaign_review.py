"""Campaigners' review pages: upload, review with sources, correct, people, publish."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from tests.web.conftest import ingest_text

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# An Urgent Action of our own writing: two named students, a deadline, one appeal target, one copy.
UA = """URGENT ACTION

UA: 77/24 Index: ASA 99/1234/2024 Ruritania Date: 3 March 2024

TWO STUDENTS DETAINED WITHOUT CHARGE

Two students, Ana Petrova and Ivo Marek, were arrested in Strelsau on 1 March 2024 and are held \
incommunicado at Zenda Prison. They are at risk of torture and other ill-treatment.

The two students had taken part in a peaceful protest outside the university. Their families have \
not been told where they are held or why they were arrested.

Please write immediately in English or your own language urging the Ruritanian authorities to:

- Release Ana Petrova and Ivo Marek immediately and unconditionally;
- Ensure they are protected from torture and other ill-treatment while in detention;
- Disclose their whereabouts and allow them access to their families and lawyers of their choosing.

PLEASE SEND APPEALS BEFORE 14 APRIL 2024 TO:

Minister of Justice
Rudolf Elphberg
Ministry of Justice
1 Palace Square
Strelsau 10001, Ruritania
Fax: +44 20 7946 0123
Email: minister@justice.example.org
Salutation: Dear Minister

And copies to:

Ambassador Flavia Hentzau
Embassy of Ruritania
12 Embassy Row, London SW1A 1AA
Email: embassy@ruritania.example.org
"""

HOSTILE = UA.replace("77/24", "78/24").replace(
    "The two students had taken part",
    'Note <script>alert("pwned")</script> <b>bold</b>. The two students had taken part',
)


# Another case altogether: another country, other people, another official.
OTHER = """URGENT ACTION

UA: 12/25 Index: EUR 98/0042/2025 Freedonia Date: 2 February 2025

JOURNALISTS FACE UNFAIR TRIAL

Two journalists, Mira Kos and Leo Varga, were charged with espionage in Fredville on 20 January 2025 \
after reporting on corruption. Their trial before a military court opens next month.

Please write immediately in English or your own language urging the Freedonian authorities to:

- Drop all charges against Mira Kos and Leo Varga;
- Ensure they are tried, if at all, before a civilian court.

PLEASE SEND APPEALS BEFORE 30 MARCH 2025 TO:

Prosecutor General
Rufus Firefly
Office of the Prosecutor General
5 Duck Street
Fredville 2000, Freedonia
Email: prosecutor@freedonia.example.org
Salutation: Dear Prosecutor General
"""


@pytest.fixture
def ua_doc(db):
    return ingest_text(UA, "ruritania-ua.txt").document


def encrypted_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=StandardEncryption(userPassword="secret", ownerPassword="owner"))
    pdf.drawString(72, 720, "URGENT ACTION: fear for safety")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def page(response) -> str:
    return response.content.decode()


def field_block(html: str, anchor: str) -> str:
    """The HTML of one field on the review screen, up to the next field."""
    start = html.index(f'id="{anchor}"')
    end = re.compile(r'<div class="field[ "]').search(html, start)
    return html[start : end.start() if end else len(html)]


def correct(client: Client, doc, field: str, *values: str):
    return client.post(f"/campaign/review/{doc.pk}/correct/", {"field": field, "value": list(values)})


# -- permissions --------------------------------------------------------------------------------

VIEWS = [
    ("get", "/campaign/upload/", {}),
    ("get", "/campaign/review/", {}),
    ("get", "/campaign/review/{doc}/", {}),
    ("post", "/campaign/review/{doc}/correct/", {"field": "deadline", "value": "2024-05-01"}),
    ("post", "/campaign/review/{doc}/people/{person}/", {"public": "on"}),
    ("post", "/campaign/cases/{case}/publish/", {"public_summary": "Two students are held."}),
    ("post", "/campaign/cases/{case}/unpublish/", {}),
]


@pytest.mark.parametrize(("method", "url", "data"), VIEWS)
def test_it_checks_permission(method, url, data, ua_doc, supporter_client, campaigner_client) -> None:
    person = ua_doc.case.people.order_by("name").first()
    url = url.format(doc=ua_doc.pk, case=ua_doc.case_id, person=person.pk)
    anonymous = getattr(Client(), method)(url, data)
    assert anonymous.status_code == 302 and anonymous.url.startswith("/accounts/login/?next=")
    assert getattr(supporter_client, method)(url, data).status_code == 403
    allowed = getattr(campaigner_client, method)(url, data)
    assert allowed.status_code == (200 if method == "get" else 302)


def test_pages_that_change_data_refuse_get(ua_doc, campaigner_client) -> None:
    assert campaigner_client.get(f"/campaign/review/{ua_doc.pk}/correct/").status_code == 405
    assert campaigner_client.get(f"/campaign/cases/{ua_doc.case_id}/publish/").status_code == 405


# -- upload -------------------------------------------------------------------------------------


def test_uploading_several_files_stores_the_good_one_and_explains_each_refusal(
    ua_doc, campaigner_client, settings
) -> None:
    from urgent.web.cases.models import Case, Document, Upload

    settings.TASKS = IMMEDIATE
    before = (list(Document.objects.values_list("pk", "record")), Case.objects.get().title)  # only the UA
    files = [
        SimpleUploadedFile("other.txt", OTHER.encode()),
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("blob.bin", bytes(range(256)) * 8),
        SimpleUploadedFile("locked.pdf", encrypted_pdf()),
    ]
    response = campaigner_client.post("/campaign/upload/", {"files": files}, follow=True)
    html = page(response)
    assert "empty.txt was not accepted: the file is empty" in html
    assert "blob.bin was not accepted: binary data, not a text document" in html
    assert "2 files queued" in html
    assert "Failed: encrypted PDF: it needs a password" in html  # read in the background, refused there
    new = Document.objects.exclude(pk=ua_doc.pk).get()
    assert new.name == "other.txt" and new.case_id != ua_doc.case_id
    assert f'href="/campaign/review/{new.pk}/"' in html
    assert list(Document.objects.filter(pk=ua_doc.pk).values_list("pk", "record")) == before[0]
    assert Case.objects.get(pk=ua_doc.case_id).title == before[1]
    assert Upload.objects.filter(status="failed").count() == 1
    assert all(bytes(u.data) == b"" for u in Upload.objects.all())  # the bytes are not kept twice


def test_a_file_over_the_size_limit_is_refused_before_it_is_queued(campaigner_client, settings) -> None:
    from urgent.web.cases.models import Upload

    settings.TASKS = IMMEDIATE
    settings.MAX_UPLOAD_MB = 0.001  # about 1 KB: the UA is over it
    files = [SimpleUploadedFile("ua.txt", UA.encode())]
    html = page(campaigner_client.post("/campaign/upload/", {"files": files}, follow=True))
    assert re.search(r"ua\.txt was not accepted: the file is [\d.]+ MB, over the 0\.001 MB limit", html)
    assert not Upload.objects.exists()


def test_uploading_nothing_says_so(campaigner_client) -> None:
    html = page(campaigner_client.post("/campaign/upload/", {}, follow=True))
    assert "Choose at least one file to upload." in html


def test_the_same_file_twice_points_to_the_stored_document(ua_doc, campaigner_client, settings) -> None:
    settings.TASKS = IMMEDIATE
    upload = SimpleUploadedFile("again.txt", UA.encode())
    html = page(campaigner_client.post("/campaign/upload/", {"files": [upload]}, follow=True))
    assert "this file was already stored" in html and f'href="/campaign/review/{ua_doc.pk}/"' in html


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_uploads_wait_in_the_database_queue_until_the_worker_runs(
    campaigner_client, settings, restore_signals
) -> None:
    from django_tasks_db.models import DBTaskResult

    from urgent.web.cases.models import Document, Upload

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    files = [SimpleUploadedFile("ua.txt", UA.encode()), SimpleUploadedFile("locked.pdf", encrypted_pdf())]
    html = page(campaigner_client.post("/campaign/upload/", {"files": files}, follow=True))
    assert html.count("Queued") == 2 and "still being processed" in html
    assert not Document.objects.exists()  # the request did not do the work
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)

    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    done, failed = Upload.objects.get(name="ua.txt"), Upload.objects.get(name="locked.pdf")
    assert done.status == "done" and done.document == Document.objects.get()
    assert failed.status == "failed" and failed.error == "encrypted PDF: it needs a password"
    html = page(campaigner_client.get("/campaign/upload/"))
    assert f'href="/campaign/review/{done.document_id}/"' in html and "Queued" not in html


def test_a_task_run_twice_ingests_once(campaigner, settings) -> None:
    from urgent.web.cases.models import Upload
    from urgent.web.cases.tasks import process_upload

    upload = Upload.objects.create(name="ua.txt", size=len(UA), data=UA.encode(), uploaded_by=campaigner)
    assert process_upload(upload.pk) is not None
    assert process_upload(upload.pk) is None  # already claimed and done


# -- review list and screen ---------------------------------------------------------------------


def test_review_list_shows_documents_newest_first_with_their_case(ua_doc, campaigner_client) -> None:
    later = ingest_text(OTHER, "later.txt").document
    correct(campaigner_client, ua_doc, "organisation", "Ruritania Watch")
    html = page(campaigner_client.get("/campaign/review/"))
    assert html.index(f'/campaign/review/{later.pk}/"') < html.index(f'/campaign/review/{ua_doc.pk}/"')
    row = html[html.index(f'/campaign/review/{ua_doc.pk}/"') :].split("</tr>")[0]
    assert "TWO STUDENTS DETAINED WITHOUT CHARGE" in row and "77/24" in row and "Urgent Action" in row
    assert "Ruritania Watch" in row  # the corrected organisation
    assert "not published" in row and re.search(r"<td>1</td>", row)  # one correction


def test_review_screen_marks_where_the_deadline_came_from(ua_doc, campaigner_client) -> None:
    html = page(campaigner_client.get(f"/campaign/review/{ua_doc.pk}/"))
    deadline = field_block(html, "field-deadline")
    assert "2024-04-14" in deadline
    number = re.search(r'href="#span-(\d+)"', deadline).group(1)
    assert re.search(
        rf'<mark data-span="{number}" title="deadline" id="span-{number}" tabindex="-1">14 APRIL 2024</mark>',
        html,
    )
    assert "no source" in field_block(html, "field-language")  # a value the extractor did not locate
    assert "Rudolf Elphberg" in field_block(html, "field-targets-0-name")
    assert 'for="in-field-deadline"' in deadline and 'id="in-field-deadline"' in deadline  # labelled input


def test_review_screen_shows_document_html_as_text(campaigner_client, db) -> None:
    doc = ingest_text(HOSTILE, "hostile.txt").document
    html = page(campaigner_client.get(f"/campaign/review/{doc.pk}/"))
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<b>bold</b>" not in html


def test_marks_nest_escape_and_keep_every_character() -> None:
    from urgent.web.campaign.marks import mark_text

    text = "To <b>Ana</b> & co\nline two"
    marked = mark_text(text, {"outer": [0, 18], "inner": [3, 13], "bad": [5, 500]})
    assert marked.sources("outer") == [1] and marked.sources("inner") == [2] and marked.sources("bad") == []
    assert (
        "<b>" not in marked.html
        and "&lt;b&gt;Ana&lt;/b&gt;" in marked.html
        and "&amp; co</mark>\nline two" in marked.html
    )
    assert (
        re.sub(r"<[^>]+>", "", marked.html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        == text
    )
    assert marked.html.count('id="span-1"') == 1 and marked.html.count('id="span-2"') == 1


# -- corrections --------------------------------------------------------------------------------


def test_a_correction_moves_the_case_deadline_and_survives_reextraction(
    ua_doc, campaigner_client, campaigner
) -> None:
    from urgent.web.cases.models import AuditLog, Case, Correction, Document
    from urgent.web.cases.reextract import reextract

    response = correct(campaigner_client, ua_doc, "deadline", "2024-05-01")
    assert response.status_code == 302 and response.url.endswith("#field-deadline")
    case = Case.objects.get(pk=ua_doc.case_id)
    assert str(case.deadline) == "2024-05-01"
    fix = Correction.objects.get()
    assert (fix.field, fix.old_value, fix.new_value, fix.user) == (
        "deadline",
        "2024-04-14",
        "2024-05-01",
        campaigner,
    )
    log = AuditLog.objects.get(action="correct")
    assert (log.field, log.old_value, log.new_value, log.user) == (
        "deadline",
        "2024-04-14",
        "2024-05-01",
        campaigner,
    )

    # an older extractor's record: re-extraction really runs and rewrites the record
    Document.objects.filter(pk=ua_doc.pk).update(record={**ua_doc.record, "deadline": None, "extractor": "0"})
    assert reextract(ua_doc.pk)
    assert Document.objects.get(pk=ua_doc.pk).record["deadline"] == "2024-04-14"  # the extractor's own value
    assert str(Case.objects.get(pk=ua_doc.case_id).deadline) == "2024-05-01"  # the correction still applies
    html = page(campaigner_client.get(f"/campaign/review/{ua_doc.pk}/"))
    assert "corrected" in field_block(html, "field-deadline") and "2024-05-01" in field_block(
        html, "field-deadline"
    )


def test_the_same_value_again_is_not_a_correction(ua_doc, campaigner_client) -> None:
    from urgent.web.cases.models import AuditLog, Correction

    response = correct(campaigner_client, ua_doc, "deadline", "2024-04-14")
    assert "No change" in page(campaigner_client.get(response.url))
    assert not Correction.objects.exists() and not AuditLog.objects.exists()


@pytest.mark.parametrize(
    ("field", "values", "message"),
    [
        ("deadline", ["14th of never"], "Enter a date as YYYY-MM-DD"),
        ("people.count", ["three"], "Enter a whole number"),
        ("targets[0].faxes", ["7946 0123"], "Write the number with its country code"),
        ("targets[0].emails", ["not-an-address"], "Not an e-mail address: not-an-address"),
        ("countries", ["Ruritania"], "Use two-letter country codes"),
        ("kind", ["rumour"], "Choose one of the listed values."),
        ("risks", ["torture", "boredom"], "Unknown value: boredom"),
    ],
)
def test_invalid_values_are_refused_beside_the_field(
    field, values, message, ua_doc, campaigner_client
) -> None:
    from urgent.web.campaign.review import anchor
    from urgent.web.cases.models import AuditLog, Correction

    response = correct(campaigner_client, ua_doc, field, *values)
    assert response.status_code == 400
    block = field_block(page(response), anchor(field))
    assert message in block and "<details open>" in block
    assert 'aria-invalid="true"' in block or f'<fieldset aria-describedby="err-{anchor(field)}"' in block
    assert not Correction.objects.exists() and not AuditLog.objects.exists()


def test_only_listed_fields_can_be_corrected(ua_doc, campaigner_client) -> None:
    assert correct(campaigner_client, ua_doc, "spans", "{}").status_code == 404
    assert correct(campaigner_client, ua_doc, "targets[7].name", "Nobody").status_code == 404


def test_values_are_stored_as_the_record_keeps_them(ua_doc, campaigner_client) -> None:
    from urgent.web.cases.corrections import get_path
    from urgent.web.cases.models import Document

    correct(campaigner_client, ua_doc, "targets[0].faxes", "0044 20 7946 0999\n+44 (20) 7946-0888\n")
    correct(campaigner_client, ua_doc, "targets[0].emails", "Office@Justice.Example.org")
    correct(campaigner_client, ua_doc, "countries", "xr, gb")
    correct(campaigner_client, ua_doc, "people.count", "3")
    correct(campaigner_client, ua_doc, "risks", "unfair_trial", "torture")
    record = Document.objects.get(pk=ua_doc.pk).corrected_record()
    assert get_path(record, "targets[0].faxes") == ["+442079460999", "+442079460888"]
    assert get_path(record, "targets[0].emails") == ["office@justice.example.org"]
    assert record["countries"] == ["XR", "GB"] and record["people"]["count"] == 3
    assert record["risks"] == ["torture", "unfair_trial"]


def test_a_corrected_ua_number_moves_the_case_number(ua_doc, campaigner_client) -> None:
    from urgent.web.cases.models import CaseNumber, Document

    correct(campaigner_client, ua_doc, "ua_number", "79/24")
    assert list(CaseNumber.objects.filter(case_id=ua_doc.case_id).values_list("number", flat=True)) == [
        "79/24"
    ]
    assert Document.objects.get(pk=ua_doc.pk).ua_number == "79/24"


# -- people and publishing ------------------------------------------------------------------------


def test_publishing_needs_a_summary(ua_doc, campaigner_client) -> None:
    from urgent.web.cases.models import AuditLog, Case

    url = f"/campaign/cases/{ua_doc.case_id}/publish/"
    response = campaigner_client.post(url, {"public_summary": "  ", "document": ua_doc.pk})
    assert response.status_code == 400
    assert 'id="summary-error"' in page(response) and "Write a public summary before publishing" in page(
        response
    )
    assert not Case.objects.get(pk=ua_doc.case_id).published and not AuditLog.objects.exists()
    assert f'href="/cases/{ua_doc.case_id}/"' not in page(Client().get("/"))


def test_published_case_shows_corrections_and_withholds_names(ua_doc, campaigner_client, campaigner) -> None:
    from urgent.web.cases.models import AuditLog, Case

    case_id = ua_doc.case_id
    correct(campaigner_client, ua_doc, "deadline", "2099-05-01")
    correct(campaigner_client, ua_doc, "title", "TWO STUDENTS HELD IN STRELSAU")
    correct(campaigner_client, ua_doc, "targets[0].faxes", "+44 20 7946 0999")
    assert Client().get(f"/cases/{case_id}/").status_code == 404  # not published yet

    summary = "Two students were arrested after a peaceful protest."
    response = campaigner_client.post(
        f"/campaign/cases/{case_id}/publish/",
        {"public_summary": summary, "document": ua_doc.pk, "next": f"/campaign/review/{ua_doc.pk}/"},
    )
    assert response.status_code == 302 and response.url == f"/campaign/review/{ua_doc.pk}/"
    case = Case.objects.get(pk=case_id)
    assert case.published and case.published_at and case.public_summary == summary
    assert AuditLog.objects.filter(action="publish", field="published", user=campaigner).exists()

    assert f'href="/cases/{case_id}/"' in page(Client().get("/"))
    public = page(Client().get(f"/cases/{case_id}/"))
    assert "TWO STUDENTS HELD IN STRELSAU" in public and summary in public
    assert "1 May 2099" in public or "May 1, 2099" in public
    assert "+442079460999" in public and "+442079460123" not in public  # the corrected fax
    assert "Ana Petrova" not in public and "Petrova" not in public and "Ivo Marek" not in public
    assert "Release [name withheld] and [name withheld] immediately" in public


def test_a_person_marked_public_is_named_and_the_change_is_logged(
    ua_doc, campaigner_client, campaigner
) -> None:
    from urgent.web.cases.corrections import publish
    from urgent.web.cases.models import AuditLog, Person

    publish(ua_doc.case, "Two students are held.", campaigner)
    ana = Person.objects.get(case=ua_doc.case, name="Ana Petrova")
    response = campaigner_client.post(
        f"/campaign/review/{ua_doc.pk}/people/{ana.pk}/", {"public": "on", "gender": "female"}
    )
    assert response.status_code == 302
    public = page(Client().get(f"/cases/{ua_doc.case_id}/"))
    assert "Ana Petrova" in public and "Ivo Marek" not in public
    logged = {
        (a.field, a.old_value, a.new_value) for a in AuditLog.objects.filter(action="person", user=campaigner)
    }
    assert logged == {("public", False, True), ("gender", "", "female")}
    html = page(campaigner_client.get(f"/campaign/review/{ua_doc.pk}/"))
    assert "named publicly" in html[html.index(f'id="person-{ana.pk}"') :].split("</form>")[0]

    campaigner_client.post(f"/campaign/review/{ua_doc.pk}/people/{ana.pk}/", {"gender": "female"})
    assert "Ana Petrova" not in page(Client().get(f"/cases/{ua_doc.case_id}/"))


def test_a_person_of_another_case_cannot_be_changed_here(ua_doc, campaigner_client) -> None:
    other = ingest_text(OTHER, "other.txt").document
    assert other.case_id != ua_doc.case_id
    mira = other.case.people.get(name="Mira Kos")
    url = f"/campaign/review/{ua_doc.pk}/people/{mira.pk}/"
    assert campaigner_client.post(url, {"public": "on"}).status_code == 404


def test_unpublishing_takes_the_case_off_public_pages(ua_doc, campaigner_client, campaigner) -> None:
    from urgent.web.cases.corrections import publish
    from urgent.web.cases.models import AuditLog, Case

    publish(ua_doc.case, "Two students are held.", campaigner)
    assert Client().get(f"/cases/{ua_doc.case_id}/").status_code == 200
    campaigner_client.post(f"/campaign/cases/{ua_doc.case_id}/unpublish/")
    assert not Case.objects.get(pk=ua_doc.case_id).published
    assert Client().get(f"/cases/{ua_doc.case_id}/").status_code == 404
    assert AuditLog.objects.filter(action="unpublish", user=campaigner).exists()


def test_a_bare_publish_button_keeps_the_summary_written_before(
    ua_doc, campaigner_client, campaigner
) -> None:
    from urgent.web.cases.corrections import publish, unpublish
    from urgent.web.cases.models import Case

    publish(ua_doc.case, "Two students are held.", campaigner)
    unpublish(ua_doc.case, campaigner)
    campaigner_client.post(f"/campaign/cases/{ua_doc.case_id}/publish/")
    case = Case.objects.get(pk=ua_doc.case_id)
    assert case.published and case.public_summary == "Two students are held."
