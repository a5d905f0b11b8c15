app_name = "campaign"
urlpatterns: list[object] = []
