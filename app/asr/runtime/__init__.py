"""The engine process: everything that runs beside the models, and the only code that imports torch,
transformers or qwen_asr (always lazily, inside functions).

The engine and its loading, weights, precision, sizing and CPU fixes, recognition, alignment and the pipeline
that answers the protocol's jobs, and the child's serving loop (app.asr.runtime.child). May import app.core,
app.media, app.asr.algorithms and app.asr.client (the protocol's types); nothing above imports it by name.
"""
