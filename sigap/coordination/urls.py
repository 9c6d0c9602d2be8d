from django.urls import path

from sigap.coordination import task_force_views as tf
from sigap.coordination import views

app_name = "coordination"

urlpatterns = [
    path("kotak-masuk/", views.inbox, name="inbox"),
    path("rakor/", views.meeting_list, name="meeting_list"),
    path("rakor/baru/", views.meeting_create, name="meeting_create"),
    path("rakor/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("rakor/<int:pk>/ubah/", views.meeting_edit, name="meeting_edit"),
    path(
        "rakor/<int:pk>/undangan.pdf",
        views.meeting_document,
        {"document": "invitation"},
        name="meeting_invitation",
    ),
    path(
        "rakor/<int:pk>/notulen.pdf",
        views.meeting_document,
        {"document": "minutes"},
        name="meeting_minutes_pdf",
    ),
    path("rakor/<int:pk>/notulen/", views.minutes_record, name="minutes_record"),
    path("rakor/<int:pk>/keputusan/", views.decision_add, name="decision_add"),
    path("rakor/<int:pk>/tindak-lanjut/", views.action_item_add, name="action_item_add"),
    path("tindak-lanjut/", views.follow_up_board, name="follow_up_board"),
    path("tindak-lanjut/<int:pk>/", views.action_item_detail, name="action_item_detail"),
    path("gugus-tugas/", tf.task_force_list, name="task_force_list"),
    path("gugus-tugas/<int:pk>/", tf.task_force_detail, name="task_force_detail"),
    path(
        "gugus-tugas/<int:pk>/ubah/",
        tf.task_force_save,
        {"edit": "task_force"},
        name="task_force_edit",
    ),
    path(
        "gugus-tugas/<int:pk>/sub/",
        tf.task_force_save,
        {"edit": "sub_task_force"},
        name="sub_task_force_add",
    ),
    path(
        "gugus-tugas/<int:pk>/sub/<int:sub_pk>/hapus/",
        tf.sub_task_force_remove,
        name="sub_task_force_remove",
    ),
    path(
        "gugus-tugas/<int:pk>/anggota/",
        tf.task_force_save,
        {"edit": "member"},
        name="member_add",
    ),
    path(
        "gugus-tugas/<int:pk>/anggota/<int:member_pk>/hapus/",
        tf.member_remove,
        name="member_remove",
    ),
    path("kasus/<int:pk>/alihkan/", tf.transfer_request, name="transfer_request"),
    path("pengalihan/", tf.transfer_list, name="transfer_list"),
    path("pengalihan/<int:pk>/", tf.transfer_detail, name="transfer_detail"),
    path("pengalihan/<int:pk>/jawab/", tf.transfer_answer, name="transfer_answer"),
]
