from django.urls import path

from sigap.intake import info_views, recruiter_views, triage_views, views

app_name = "intake"

urlpatterns = [
    path("lapor/", views.report, name="report"),
    path("lapor/cek/", views.status, name="status"),
    path("lapor/tempat/", views.places, name="places"),
    path("triase/", triage_views.queue, name="queue"),
    path("triase/catat/", triage_views.report_record, name="report_record"),
    path("triase/<int:pk>/", triage_views.report_detail, name="report_detail"),
    path("triase/<int:pk>/putuskan/", triage_views.report_triage, name="report_triage"),
    path("triase/<int:pk>/pesan/", triage_views.message_send, name="message_send"),
    path(
        "triase/<int:pk>/lampiran/<int:attachment_pk>/",
        triage_views.attachment_download,
        name="attachment_download",
    ),
    path("cek-p3mi/", recruiter_views.recruiter_check, name="recruiter_check"),
    path("p3mi/", recruiter_views.register, name="register"),
    path("p3mi/impor/", recruiter_views.register_import, name="register_import"),
    path("p3mi/<int:pk>/ubah/", recruiter_views.company_edit, name="company_edit"),
    path("info/", info_views.info_list, name="info_list"),
    path("info/<slug:slug>/", info_views.info_page, name="info_page"),
    path("info/<slug:slug>/ubah/", info_views.info_edit, name="info_edit"),
]
