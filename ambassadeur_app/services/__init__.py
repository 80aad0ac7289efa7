"""Use-cases shared by the GUI and the CLI: every change to a carnet goes through here.

``CarnetService`` (``carnet.py``) builds on ``CarnetCore`` (``core.py``: the programme, time
entries and months) and owns the timesheets and imports. Each area is a service of its own,
built on first use: ``register`` (the outreach register), ``events`` (events and training
sessions), ``surveys`` (questionnaires), ``expenses`` (the event forfait and the attachment
store), ``indicators``, ``planning`` (rétroplanning, journal, retour d'expérience), ``bilan``
and ``pack`` (the justification pack and its checker). The modules import one way, in that
order, then register_imports and carnet (tests/unit/test_service_layers.py).
"""

from ambassadeur_app.services.carnet import (
    TIMESHEET_FORMATS,
    CarnetService,
    ImportOutcome,
    ImportPreview,
    open_service,
)
from ambassadeur_app.services.core import Saved

__all__ = ["TIMESHEET_FORMATS", "CarnetService", "ImportOutcome", "ImportPreview", "Saved", "open_service"]
