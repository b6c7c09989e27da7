"""The backend-specific full-text structure beside SearchDocument.

SQLite: an FTS5 table holding a copy of the lemma text, rowid = document id.
PostgreSQL: a stored generated tsvector column ('simple' configuration: the
text is lemmatised already) and a GIN index. Other vendors get nothing.

On PostgreSQL, title_lemmas and lemmas cannot change type while the
generated column depends on them: drop and recreate it around such a change.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_searchdocument_fts USING fts5("
    "title_lemmas, lemmas, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_searchdocument_fts"]

POSTGRESQL_FORWARD = [
    "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title_lemmas), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, lemmas), 'B')) STORED",
    "CREATE INDEX search_searchdocument_vector_gin "
    "ON search_searchdocument USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_searchdocument_vector_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def forward(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD})


def backward(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
