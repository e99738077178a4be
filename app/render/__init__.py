"""Drawing shared by the window and the command line: QtGui, never widgets (app.render.subtitles)."""
