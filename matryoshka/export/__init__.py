"""Pictures, animations, PDFs and web pages of the dolls, from the command line and the
window.

Everything is drawn by the window's own code (``matryoshka.stage`` and the painter, in
the poses of ``matryoshka.stage.choreography``), so an exported picture is what the user
saw. Importing this package loads nothing: each command imports the module it needs.

- ``kinds``: every kind of export, named once (pure).
- ``job``: ``ExportRequest``, ``Export`` and ``run``: one export as small steps of
  drawing and an encoder (Pillow, or PyAV for video); animations stream their frames.
- ``stream``: the queue that hands an animation's frames from drawing to encoding.
- ``video``: MP4 (H.264) and WebM (VP9) through PyAV.
- ``page``: the web page, one offline HTML file (its template, styles and script are in
  ``assets/page``).
- ``pictures``: the stills, the line-up and the frames of the animation.
- ``encode``: the file formats; files appear whole or not at all.
- ``window``: ``WindowExport``, an export from the window, stepped within a time budget.
"""
