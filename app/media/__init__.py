"""Decoding media to 16 kHz mono, the waveform envelope, media errors. Builds on app.core only."""
