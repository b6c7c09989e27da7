"""On PostgreSQL, keep each document's vector in its row (storage MAIN).

A vector of an act of a few hundred words takes about 5 KB, which PostgreSQL
cannot compress by the quarter its compressor asks for, so with the default
storage (EXTENDED) it was moved out of the row into the TOAST table. Every
match of a search is ranked from its vector (``ts_rank_cd``), and a narrowed
search tests it too (``ts_match_vq``): each read of the vector then looked
it up in the TOAST index and read its chunks, once for each function. Kept
in the row, the vector is read with the row the index of words points to.
The body and lemma texts, which only the excerpts and the indexing read,
still leave the row first. Measured (bench/registry.py's registry, 20,000
acts, a word in about 600 of them): the ranked read of the matches
6.5 → 3.5 ms, a narrowed one 4.5–6.5 → 2.1 ms; the table grows by a fifth.

The storage applies to rows written from now on; rows written before keep
their place until the table is rewritten (``VACUUM FULL
search_searchdocument``, which locks the table while it runs).
"""

from django.db import migrations

POSTGRESQL_FORWARD = (
    "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE MAIN"
)
POSTGRESQL_BACKWARD = (
    "ALTER TABLE search_searchdocument ALTER COLUMN search_vector "
    "SET STORAGE EXTENDED"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_backend_index")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
