"""Translation (and, later, proofreading) with a language model on any OpenAI-compatible chat server.

prompt.py: the messages sent and the answers read (numbered lines, pure text); client.py: the one chat client,
the only module that imports ``openai``; run.py: a run over many cues (batches, concurrency, smaller batches
for a bad answer, cancel, resume); the window and the command line both call :func:`run.translate_cues`.
Stands on app.core only, and imports no Qt.
"""
