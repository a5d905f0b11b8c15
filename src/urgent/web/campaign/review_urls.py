"""Reviewing documents: upload, review, correct, publish (names in the ``campaign`` namespace)."""

from django.urls import path

from urgent.web.campaign import publish, review, upload

urlpatterns = [
    path("upload/", upload.upload, name="upload"),
    path("review/", review.review_list, name="review_list"),
    path("review/<int:pk>/", review.review, name="review"),
    path("review/<int:pk>/correct/", review.correct, name="correct"),
    path("review/<int:pk>/people/<int:person_id>/", review.person, name="person"),
    path("cases/<int:pk>/publish/", publish.publish, name="publish"),
    path("cases/<int:pk>/unpublish/", publish.unpublish, name="unpublish"),
]
