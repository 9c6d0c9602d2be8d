from django.urls import path

from sigap.referrals import views

app_name = "referrals"

urlpatterns = [
    path("rujukan/", views.referral_list, name="referral_list"),
    path("rujukan/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("rujukan/<int:pk>/surat.pdf", views.referral_letter, name="referral_letter"),
    path("rujukan/<int:pk>/status/", views.referral_move, name="referral_move"),
    path("rujukan/<int:pk>/layanan/", views.service_add, name="service_add"),
    path("kasus/<int:pk>/rujuk/", views.referral_send, name="referral_send"),
    path("layanan/", views.service_catalogue, name="service_catalogue"),
    path("layanan/tambah/", views.agency_service_add, name="agency_service_add"),
    path("layanan/<int:pk>/hapus/", views.agency_service_remove, name="agency_service_remove"),
]
