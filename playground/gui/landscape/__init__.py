"""The loss-landscape window: optimizers walking on a two-number surface, slices of larger models."""

from playground.gui.landscape.landscape_window import LandscapeWindow, open_landscape_window

__all__ = ["LandscapeWindow", "open_landscape_window"]
