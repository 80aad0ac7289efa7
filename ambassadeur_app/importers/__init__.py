"""Importers: spreadsheet carnets (and later contact lists, RPPS and FINESS extracts). No Qt."""
