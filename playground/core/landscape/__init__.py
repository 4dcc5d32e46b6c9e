"""Loss landscapes: the loss over two numbers, and where an optimizer walks on it.

:mod:`~playground.core.landscape.surface` evaluates a model's loss over a grid
of two parameters (w and b of a ``Linear(1, 1)``) and runs optimizers on the
same surface from the same start; :mod:`~playground.core.landscape.slices` cuts
a larger model's loss along two random, filter-normalised directions around its
weights (Li et al., "Visualizing the Loss Landscape of Neural Nets", 2018) and
projects a training path onto that plane.
"""
