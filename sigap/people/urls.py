from django.urls import path

from sigap.people import views

app_name = "people"

urlpatterns = [
    path("orang/", views.person_list, name="person_list"),
    path("orang/baru/", views.person_create, name="person_create"),
    path("orang/<int:pk>/", views.person_detail, name="person_detail"),
    path("orang/<int:pk>/ubah/", views.person_edit, name="person_edit"),
    path(
        "orang/<int:pk>/tarik-persetujuan/",
        views.person_withdraw_consent,
        name="person_withdraw_consent",
    ),
    path("orang/<int:pk>/ekspor-data/", views.person_data_export, name="person_data_export"),
    path("orang/duplikat/", views.duplicate_list, name="duplicate_list"),
    path("orang/duplikat/<int:pk>/", views.duplicate_resolve, name="duplicate_resolve"),
]
