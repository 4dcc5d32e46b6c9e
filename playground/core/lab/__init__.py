"""The autograd lab: a tiny, safe tensor language run by torch, and the graph torch built.

A lab script is a few lines in a subset of Python (tensor creation, arithmetic,
``for i in range(n):``, ``with no_grad():``, ``backward()``, ``x.grad.zero_()``).
:mod:`~playground.core.lab.language` checks its syntax tree against a whitelist
(nothing is ever passed to ``eval`` or ``exec``), :mod:`~playground.core.lab.interpreter`
runs it with torch, and :mod:`~playground.core.lab.graph` reads the computation
graph that torch actually recorded (``grad_fn.next_functions``) together with
the gradients that flowed through each node during ``backward()``.
"""
