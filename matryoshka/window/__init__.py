"""The window: the event loop, its state, its layout and what it draws.

- ``app``: the one place with a display, a clock and ``pygame.event.get()``.
- ``state``: what is open and what is moving, as plain data (no pygame).
- ``layout``: where everything goes, as pure geometry (no pygame).
- ``scene``: draws one whole frame from the state and the layout.
- ``settings``: what the window remembers between runs.
"""
