"""The autograd lab window: a script editor, the graph torch built, and backward step by step.

Everything shown is read from :mod:`playground.core.lab`; these widgets only
lay it out. :func:`~playground.gui.lab.lab_window.open_lab_window` opens it.
"""
