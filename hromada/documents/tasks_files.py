"""Background entry points of the files area: ids in, one service call."""

from django_tasks import task

from hromada.documents.services import files


@task()
def file_version_text_extract(*, version_id: int) -> None:
    """Extract a big file's text (and OCR a scan); safe to run twice."""
    files.file_version_text_extract(version_id=version_id)
