"""The picture: the video pane beside the waveform, shot changes, frame steps and snapping.

What it finds about the media that others use (the frame times and shot changes) it publishes in the context's
media facts; it follows the player and the waveform through the host's signals. It draws the cues in the
document's subtitle style, edited under View ▸ Subtitle Style… (app.ui.picture.style_dialog).
"""

from __future__ import annotations

from app.session.context import AppContext
from app.ui.host import WindowHost
from app.ui.picture.controller import PictureController
from app.ui.picture.style_dialog import StyleFeature


def install(context: AppContext, host: WindowHost) -> PictureController:
    picture = PictureController(host, host.dialog_parent(), host.editor, host.ensure_player)
    picture.shotsChanged.connect(lambda: context.media.set_picture_guide(picture.shot_guide()))
    host.playerCreated.connect(picture.attach_player)
    host.waveformCreated.connect(picture.attach_waveform)
    host.layoutRestored.connect(picture.layout_restored)
    picture.add_actions(host.menu("view"), host.menu("playback"), host.shortcuts.register)
    picture.style_feature = StyleFeature(host, picture.canvas)  # View ▸ Subtitle Style…: the document's look, previewed
    host.shortcuts.register("view.subtitle_style", picture.style_feature.action, None)
    host.menu("view").addAction(picture.style_feature.action)
    return picture
