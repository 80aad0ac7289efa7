"""Use-cases shared by the GUI and the CLI: every change to a carnet goes through here.

``CarnetService`` (``carnet.py``) builds on ``CarnetCore`` (``core.py``: the programme, time
entries and months) and owns the timesheets and imports; its ``register`` (``register.py``) owns
the outreach register, its ``events`` (``events.py``) the events and training sessions. The
modules import one way: core, then register, events, register_imports, carnet.
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
