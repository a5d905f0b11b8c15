from django.urls import path

from urgent.web.site import views

app_name = "site"
urlpatterns = [
    path("", views.home, name="home"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/act/", views.act, name="act"),
    path("cases/<int:pk>/act/letter.pdf", views.letter_pdf, name="letter_pdf"),
    path("cases/<int:pk>/act/sent/", views.sent, name="sent"),
    path("cases/<int:pk>/act/thanks/", views.thanks, name="thanks"),
]
