import pytest
import yaml
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_schema_generates_without_warnings(tmp_path):
    # when: --fail-on-warn turns any warning into an error
    call_command("spectacular", fail_on_warn=True, file=str(tmp_path / "schema.yaml"))

    # then
    schema = yaml.safe_load((tmp_path / "schema.yaml").read_text())
    operations = {
        operation["operationId"]
        for path in schema["paths"].values()
        for operation in path.values()
    }
    assert operations == {
        "document_list",
        "document_create",
        "document_detail",
        "document_register",
        "document_file_list",
        "task_list",
        "task_report",
        "approval_list",
        "approval_decide",
    }
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }


def test_schema_is_served_as_openapi_3():
    response = APIClient().get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
