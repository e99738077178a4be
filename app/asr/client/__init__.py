"""The engine's client side: what the window, the command line and the batch queue import.

Runs in the user's process: the protocol (jobs, messages, result types such as Realignment), the local-service
client that starts the engine process and talks to it, the server (vLLM) client, the API key, language names,
model names and local model checks, the device guess. May import app.core, app.media and app.asr.algorithms;
never torch, transformers, qwen_asr or app.asr.runtime (the engine process is started by module name).
"""
