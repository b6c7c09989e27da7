"""Events the documents room announces to its own receivers and rooms above."""

from dataclasses import dataclass

from hromada.core.events import EventChannel


@dataclass(frozen=True, kw_only=True, slots=True)
class FileVersionAdded:
    """A new immutable version of a document's file was stored."""

    document_id: int
    document_file_id: int
    version_id: int


file_version_added = EventChannel[FileVersionAdded]("documents.file_version_added")


@dataclass(frozen=True, kw_only=True, slots=True)
class TaskDone:
    """A task's report was accepted: the task is done."""

    task_id: int
    document_id: int
    document_kind: str


task_done = EventChannel[TaskDone]("documents.task_done")
