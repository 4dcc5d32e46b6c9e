"""Live pyqtgraph plots of a training run: one plot per module, fed by snapshots.

Every plot follows the same pattern: :meth:`add_snapshot` copies what it needs
into bounded buffers (cheap, called for every snapshot), and :meth:`refresh`
redraws the items it created once, only when something changed since the last
refresh. :class:`playground.gui.plots.plot_area.PlotArea` calls ``refresh`` from a
timer, so the redraw rate does not depend on how fast training runs.
"""
