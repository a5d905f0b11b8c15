"""Managing cases: dashboard, cases, possible duplicates, officials, audit log.
The POST-only paths change a case and return to its page (or to the duplicates)."""

from django.urls import path

from urgent.web.campaign import audit, cases, dashboard, links, officials

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("cases/", cases.case_list, name="cases"),
    path("cases/<int:pk>/", cases.case_detail, name="case"),
    path("cases/<int:pk>/event/", cases.add_event, name="case_event"),
    path("cases/<int:pk>/close/", cases.close, name="case_close"),
    path("cases/<int:pk>/reopen/", cases.reopen, name="case_reopen"),
    path("cases/<int:pk>/split/", cases.split, name="case_split"),
    path("cases/<int:pk>/merge/", cases.merge, name="case_merge"),
    path("links/", links.links, name="links"),
    path("links/<int:pk>/merge/", links.merge, name="link_merge"),
    path("links/<int:pk>/reject/", links.reject, name="link_reject"),
    path("links/<int:pk>/undo/", links.undo, name="link_undo"),
    path("officials/", officials.officials, name="officials"),
    path("audit/", audit.audit, name="audit"),
]
