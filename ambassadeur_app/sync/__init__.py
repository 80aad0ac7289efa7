"""One carnet kept on several laptops: change capture, change files, merge (see docs/synchronisation.md).

``capture`` lists the synced tables and writes the SQLite triggers that record every change of a
field with its hybrid logical clock; ``files`` reads and writes the encrypted change files of
the shared folder; ``engine`` exports this carnet's changes and merges the others', field by
field. ``ambassadeur_app.services.sync`` puts them together for the commands and the window.
"""
