"""Pure recognition algorithms, used on both sides of the engine boundary: chunking audio at pauses, segmenting
words into cues, mapping aligner output back onto text, drift estimation and the re-alignment rules.

numpy and the standard library only, plus app.core: no torch, no Qt, nothing else of app.asr.
"""
