"""Training in a spawned process: the child that runs an engine and the proxy that drives it.

With every plot live, a run in a thread of the window's own interpreter competes
with the drawing for the interpreter lock. A spawned child has its own
interpreter: :mod:`.child` runs the :class:`~playground.core.training.engine.Engine`
there, :class:`.proxy.RemoteEngine` gives the window the engine's interface over
two pipes, and :mod:`.children` keeps one warm child ready so pressing Train
never waits for a fresh interpreter to import torch.
"""
