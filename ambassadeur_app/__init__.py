"""Carnet de bord ambassadeur: the offline logbook of a CPTS's Parceo ambassador pair."""

__version__ = "0.1.0"
APP_NAME = "Carnet de bord ambassadeur"
APP_ID = "ambassadeur"
ORG_NAME = "Carnet de bord ambassadeur"
