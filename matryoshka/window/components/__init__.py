"""The parts of the window, each owning its layout, its drawing and its hit-testing.

One module per part of the screen:

- ``tabs``: the row of sequence tabs and the Export and Help buttons along the top.
- ``stage``: the doll in front, standing or opening, with its shadow and glow.
- ``shelf``: the opened shells, outermost first, and the group for hidden ones.
- ``info``: the info panel beside the stage (and the name above it when presenting).
- ``timeline_strip``: the timeline strip along the bottom: one bar per doll over the years.
- ``overlays``: the help, the sequence's description, the list of hidden shells and
  the box of a broken file's errors.
- ``toasts``: the short messages at the top of the stage ("Saved ...").

Each module's layout functions and ``derive`` steps are pure (no pygame is loaded until
something draws); ``window.layout`` composes the layouts and ``window.scene`` the drawing.
"""
