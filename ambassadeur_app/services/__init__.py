"""Use-cases shared by the GUI and the CLI: every change to a carnet goes through here.

``CarnetService`` (``carnet.py``) owns the time entries, months, timesheets and imports of the
carnet; its ``register`` (``register.py``) owns the outreach register.
"""

from ambassadeur_app.services.carnet import (
    TIMESHEET_FORMATS,
    CarnetService,
    ImportOutcome,
    ImportPreview,
    Saved,
    open_service,
)

__all__ = ["TIMESHEET_FORMATS", "CarnetService", "ImportOutcome", "ImportPreview", "Saved", "open_service"]
