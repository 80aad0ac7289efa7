"""Documents for the funder: one module per document, shared xlsx/pdf helpers beside them. No Qt."""
