from django.urls import path

from sigap.cases import views

app_name = "cases"

urlpatterns = [
    path("kasus/", views.case_list, name="case_list"),
    path("kasus/baru/", views.case_create, name="case_create"),
    path("kasus/<int:pk>/", views.case_detail, name="case_detail"),
    path("kasus/<int:pk>/ubah/", views.case_edit, name="case_edit"),
    path("kasus/<int:pk>/status/", views.case_transition, name="case_transition"),
    path("kasus/<int:pk>/pihak/", views.party_add, name="party_add"),
    path("kasus/<int:pk>/pihak/cari/", views.party_candidates, name="party_candidates"),
    path("kasus/<int:pk>/pihak/<int:party_pk>/penapisan/", views.party_screen, name="party_screen"),
    path(
        "kasus/<int:pk>/pihak/<int:party_pk>/status-korban/",
        views.victim_status,
        name="victim_status",
    ),
    path("kasus/<int:pk>/catatan/", views.note_add, name="note_add"),
    path("kasus/<int:pk>/dokumen/", views.document_add, name="document_add"),
    path(
        "kasus/<int:pk>/dokumen/<int:document_pk>/",
        views.document_download,
        name="document_download",
    ),
]
