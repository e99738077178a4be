"""Qt widgets, item models, workers and dialogs. The only layer that imports Qt or pyqtgraph."""
