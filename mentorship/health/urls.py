from django.urls import path

from . import report_views, views

app_name = "health"

urlpatterns = [
    path("director/health/", views.dashboard, name="dashboard"),
    path("director/health/report/", report_views.report, name="report"),
    path("director/health/report.csv", report_views.report_csv, name="report_csv"),
    path("director/health/nudge/", views.nudge, name="nudge"),
    path("director/health/charts/<slug:name>.svg", views.chart, name="chart"),
    path("director/health/<slug:name>.csv", views.figure_csv, name="csv"),
]
