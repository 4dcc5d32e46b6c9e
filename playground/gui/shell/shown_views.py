"""Tells the training run which views the window shows and when it has drawn a frame.

The training thread builds each snapshot; its costly parts (histograms and
matrices, the decision grid, the neurons' pictures) are worth building only
for a view someone can see, and only as often as the window draws. This object
reads the window's state once per frame of the plot area (the tab shown, the
docks open, the diagram on screen) and passes it on through the run's
:class:`~playground.core.training.snapshot_demand.SnapshotDemand`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from playground.core.training.snapshot_demand import SnapshotContent, SnapshotDemand
from playground.gui.network.network_diagram import NetworkDiagram
from playground.gui.plots.plot_area import PlotArea


def on_screen(widget: QWidget) -> bool:
    """Shown and not covered by another tab, a hidden dock or a minimised window."""
    window = widget.window()
    return widget.isVisible() and not window.isMinimized() and not widget.visibleRegion().isEmpty()


class ShownViews(QObject):
    """Keeps a paced :class:`SnapshotDemand` in step with what the window shows.

    ``extra_values`` is a further view of the parameters' values (the classroom's
    number table); it counts while it is on screen.
    """

    def __init__(
        self,
        plot_area: PlotArea,
        diagram: NetworkDiagram,
        extra_values: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.demand = SnapshotDemand(self.content_for(plot_area, diagram, extra_values), paced=True)
        self._plot_area = plot_area
        self._diagram = diagram
        self._extra_values = extra_values
        plot_area.frame_done.connect(self.frame_done)

    @staticmethod
    def content_for(
        plot_area: PlotArea, diagram: NetworkDiagram, extra_values: QWidget | None = None
    ) -> SnapshotContent:
        """What the views on screen need from a snapshot."""
        area_shown = on_screen(plot_area)
        tab = plot_area.currentWidget()
        training_tab = area_shown and plot_area.currentIndex() == 0
        parameter_tab = area_shown and tab in (plot_area.weights, plot_area.gradients)
        diagram_shown = on_screen(diagram)
        values_shown = extra_values is not None and on_screen(extra_values)
        picture = plot_area.decision if plot_area.decision.isVisibleTo(tab) else plot_area.curve
        return SnapshotContent(
            # The diagram draws each link from its weight: it needs the matrices too.
            histograms=parameter_tab or diagram_shown or values_shown,
            decision=training_tab and picture.isVisibleTo(tab),
            neurons=diagram_shown,
        )

    def frame_done(self) -> None:
        """The plot area has drawn a frame: say what is shown now and take the next snapshot."""
        self.demand.show(self.content_for(self._plot_area, self._diagram, self._extra_values))
        self.demand.ready()
