from django.urls import include, path

from sigap.api import views
from sigap.api.api import api

token_urls = (
    [
        path("", views.token_list, name="token_list"),
        path("baru/", views.token_create, name="token_create"),
        path("<int:pk>/cabut/", views.token_revoke, name="token_revoke"),
    ],
    "api_tokens",
)

urlpatterns = [
    path("api/", api.urls),
    path("akun/token-api/", include(token_urls)),
]
