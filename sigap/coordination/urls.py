from django.urls import path

from sigap.coordination import views

app_name = "coordination"

urlpatterns = [
    path("rakor/", views.meeting_list, name="meeting_list"),
    path("rakor/baru/", views.meeting_create, name="meeting_create"),
    path("rakor/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("rakor/<int:pk>/ubah/", views.meeting_edit, name="meeting_edit"),
    path("rakor/<int:pk>/undangan.pdf", views.meeting_invitation, name="meeting_invitation"),
    path("rakor/<int:pk>/notulen.pdf", views.meeting_minutes_pdf, name="meeting_minutes_pdf"),
    path("rakor/<int:pk>/notulen/", views.minutes_record, name="minutes_record"),
    path("rakor/<int:pk>/keputusan/", views.decision_add, name="decision_add"),
    path("rakor/<int:pk>/tindak-lanjut/", views.action_item_add, name="action_item_add"),
    path("tindak-lanjut/", views.follow_up_board, name="follow_up_board"),
    path("tindak-lanjut/<int:pk>/", views.action_item_detail, name="action_item_detail"),
]
