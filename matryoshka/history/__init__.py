"""History, not pictures: the chronology check and the data of the timeline strip.

Pure Python; no pygame.

- ``chronology``: a sequence compared with a reference line (missing, out of order).
- ``timeline``: one bar per doll over an axis of years, for the window's strip.
"""
