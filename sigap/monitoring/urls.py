from django.urls import path

from sigap.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("pemantauan/", views.board, name="board"),
    path("pemantauan/kuesioner/", views.questionnaire, name="questionnaire"),
    path("pemantauan/<int:pk>/", views.enrolment_detail, name="enrolment_detail"),
    path("orang/<int:person>/pantau/", views.enrol, name="enrol"),
    path("pemantauan/<int:pk>/tindak-lanjut/", views.follow_up_new, name="follow_up_new"),
    path("pemantauan/<int:pk>/tutup/", views.enrolment_close, name="enrolment_close"),
    path(
        "pemantauan/<int:pk>/penanggung-jawab/", views.enrolment_reassign, name="enrolment_reassign"
    ),
    path("pemantauan/<int:pk>/reintegrasi/", views.plan_open, name="plan_open"),
    path("pemantauan/<int:pk>/reintegrasi/sasaran/", views.goal_add, name="goal_add"),
    path("pemantauan/<int:pk>/reintegrasi/sasaran/<int:goal>/", views.goal_move, name="goal_move"),
    path("pemantauan/<int:pk>/reintegrasi/tinjauan/", views.review_add, name="review_add"),
    path("pemantauan/<int:pk>/reintegrasi/tutup/", views.plan_close, name="plan_close"),
    path("pemantauan/tindak-lanjut/<int:pk>/kasus/", views.escalate, name="escalate"),
    path("pencegahan/", views.activity_list, name="activity_list"),
    path("pencegahan/baru/", views.activity_new, name="activity_new"),
    path("pencegahan/cakupan/", views.coverage, name="coverage"),
]
