"""Quality checks: the Checks panel against the document's profile, Fix Common Problems, and the guard that warns
before overlapping or out-of-order cues are written. Shot changes come from the context's media facts."""

from __future__ import annotations

from app.session.context import AppContext
from app.ui.checks.panel import ChecksPanel, add_panel
from app.ui.host import WindowHost


def install(context: AppContext, host: WindowHost) -> ChecksPanel:
    return add_panel(context, host)
