"""The stage both the window and the exports draw on: dolls standing and opening.

- ``choreography``: where the pieces of an opening doll are at each moment (pure).
- ``easing``: the curves the movements follow (pure).
- ``draw``: a standing or opening doll onto any surface (pygame).

The window and every export draw through here, so an exported picture is what the user
saw.
"""
