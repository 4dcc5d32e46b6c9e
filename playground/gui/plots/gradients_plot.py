"""The gradients tab: every parameter's gradient norm over time, and one parameter in detail."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from playground.core.training.snapshot import ParameterStats, Snapshot
from playground.gui.plots.axes import NOISY_HEADROOM, NOISY_KEEP, StableBound, ValueAxisFollower
from playground.gui.plots.base import LIVE_STATES, StepAxisFollower, cache_legend, style_plot
from playground.gui.plots.buffers import CurveBuffer
from playground.gui.plots.built_on_show import BuiltOnShow
from playground.gui.plots.colors import category_color
from playground.gui.plots.parameter_views import MatrixHeatmapView, ParameterPicker
from playground.gui.plots.views import LayoutView

NORM_FLOOR = 1e-12  # log axes cannot show zero
NORMAL_WIDTH = 1.0
HIGHLIGHT_WIDTH = 3.0
DIMMED_ALPHA = 60
THRESHOLD_COLOR = "#D55E00"  # Okabe–Ito vermilion: reads on both plot backgrounds


class LegendSample(pg.ItemSample):  # type: ignore[misc]
    """A legend swatch whose click highlights its curve instead of hiding it."""

    def mouseClickEvent(self, event: object) -> None:
        event.accept()  # type: ignore[attr-defined]
        self.sigClicked.emit(self.item)


class GradientNormPlot(BuiltOnShow):
    """Shows where gradients vanish or explode: one norm curve per named parameter.

    Curves share a logarithmic axis because norms of different layers differ by
    orders of magnitude. Clicking a curve or its legend entry highlights it and
    shows that parameter's current gradient histogram and matrix beside it.
    The norms are those backward produced, before clipping; when the run clips
    gradients, a dashed line marks the threshold, so gradients that outgrow it
    stay visible instead of being flattened onto it. Its views are made when the tab
    is first shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.norms: dict[str, CurveBuffer] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}  # made with the views, one per norm
        self.latest: dict[str, ParameterStats] = {}
        self.highlighted: str | None = None
        self._drawn: dict[str, int] = {}
        self._detail_dirty = False
        self._layer_ranks: dict[int, int] = {}
        self._dark = False
        self._live = True  # the run is still going: the step axis follows it
        self.clip: float | None = None

        self.picker = ParameterPicker(self.tr("Details for:"))
        self.picker.chosen.connect(self._parameter_chosen)
        self.rows.addWidget(self.picker)

    def build_views(self) -> None:
        """The norm curves on the left; the chosen parameter's histogram and matrix beside."""
        self.widget = LayoutView()
        self.norm_plot: pg.PlotItem = self.widget.addPlot(row=0, col=0, rowspan=2)
        style_plot(
            self.norm_plot,
            title=self.tr("Gradient norm per parameter"),
            x_label=self.tr("step"),
            y_label=self.tr("norm"),
        )
        self.norm_plot.setLogMode(x=False, y=True)
        self.norm_plot.setClipToView(True)
        self.x_axis = StepAxisFollower(self.norm_plot)
        self.x_axis.live = self._live
        self.y_axis = ValueAxisFollower(self.norm_plot)
        self.norm_plot.setDownsampling(auto=True, mode="peak")
        self.legend = pg.LegendItem(offset=(-5, 5), sampleType=LegendSample, labelTextSize="8pt")
        self.legend.setParentItem(self.norm_plot.getViewBox())
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 200))
        self.legend.sigSampleClicked.connect(self._curve_clicked)
        # Clipping bounds the norm of all gradients together, so the line is a guide
        # for the curves rather than a limit each of them obeys.
        self.threshold = pg.InfiniteLine(
            angle=0,
            movable=False,
            pen=pg.mkPen(THRESHOLD_COLOR, width=1.5, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.02, "anchors": [(0, 1), (0, 1)], "color": THRESHOLD_COLOR},
        )
        self.threshold.setVisible(False)
        self.norm_plot.addItem(self.threshold, ignoreBounds=True)

        self.histogram_plot: pg.PlotItem = self.widget.addPlot(row=0, col=1, colspan=2)
        style_plot(
            self.histogram_plot,
            title=self.tr("Current gradient values"),
            x_label=self.tr("gradient"),
            y_label=self.tr("count"),
        )
        self.histogram = pg.PlotDataItem(
            stepMode="center", fillLevel=0, pen=pg.mkPen("#555555"), brush=(0, 114, 178, 150)
        )
        self.histogram_plot.addItem(self.histogram)
        # Round ranges, symmetric about zero, that move only when the histogram outgrows
        # them or shrinks well inside: mini-batch gradients jump about from frame to
        # frame, and auto-ranging re-rendered both axes on every frame (about 3 ms).
        self.histogram_plot.enableAutoRange(enable=False)
        self._histogram_scales = (
            StableBound(NOISY_KEEP, headroom=NOISY_HEADROOM),
            StableBound(NOISY_KEEP, headroom=NOISY_HEADROOM),
        )
        self._histogram_bounds = (0.0, 0.0)
        self.matrix = MatrixHeatmapView(
            self.widget.ci,
            self.widget.addPlot(row=1, col=1),
            title=self.tr("Current gradient matrix"),
            colorbar_at=(1, 2),
            noisy=True,
        )
        self.widget.ci.layout.setColumnStretchFactor(0, 3)
        self.widget.ci.layout.setColumnStretchFactor(1, 2)
        self.rows.addWidget(self.widget, 1)
        self._show_clip()
        self._drawn.clear()
        self._detail_dirty = True

    def _curve_for(self, stats: ParameterStats) -> pg.PlotDataItem:
        kind = stats.name.rsplit(".", 1)[-1]
        style = {"weight": Qt.PenStyle.SolidLine, "bias": Qt.PenStyle.DashLine}.get(
            kind, Qt.PenStyle.DotLine
        )
        color = category_color(self._layer_ranks[stats.layer_index], self._dark)
        curve = pg.PlotDataItem(pen=pg.mkPen(color, width=NORMAL_WIDTH, style=style))
        curve.setCurveClickable(True, width=8)
        curve.sigClicked.connect(self._curve_clicked)
        self.norm_plot.addItem(curve)
        self.legend.addItem(curve, stats.label or stats.name)
        cache_legend(self.legend)
        return curve

    def _curve_clicked(self, item: object) -> None:
        for name, curve in self.curves.items():
            if curve is item or getattr(curve, "curve", None) is item:
                self.highlight(None if self.highlighted == name else name)
                return

    def highlight(self, name: str | None) -> None:
        """Emphasise the curve of parameter ``name`` and show its details (None: no emphasis)."""
        self.highlighted = name if name in self.curves else None
        if not self.is_built:
            return
        for key, curve in self.curves.items():
            pen = pg.mkPen(curve.opts["pen"])
            color = pen.color()
            if self.highlighted is None or key == self.highlighted:
                color.setAlpha(255)
                pen.setWidthF(HIGHLIGHT_WIDTH if key == self.highlighted else NORMAL_WIDTH)
                curve.setZValue(10 if key == self.highlighted else 0)
            else:
                color.setAlpha(DIMMED_ALPHA)
                pen.setWidthF(NORMAL_WIDTH)
                curve.setZValue(0)
            pen.setColor(color)
            curve.setPen(pen)
        for sample, _label in self.legend.items:
            sample.update()  # their cached pixmaps show the old pens otherwise
        if self.highlighted is not None:
            self.picker.choose(self.highlighted)

    def set_dark(self, dark: bool) -> None:
        """Use curve colours that read on a dark (or light) background."""
        self._dark = dark
        if not self.is_built:
            return  # the curves are made in these colours
        for name, curve in self.curves.items():
            stats = self.latest.get(name)
            if stats is not None:
                pen = pg.mkPen(curve.opts["pen"])
                pen.setColor(category_color(self._layer_ranks[stats.layer_index], dark))
                curve.setPen(pen)
        self.highlight(self.highlighted)  # re-applies dimming to the new colours

    def _parameter_chosen(self, name: str) -> None:
        self._detail_dirty = True
        if not self.is_built:
            return  # the views draw it when they are made
        # Another parameter's gradients may differ by orders of magnitude: fit afresh.
        self.matrix.reset_scale()
        for scale in self._histogram_scales:
            scale.reset()
        if self.highlighted is not None and self.highlighted != name:
            self.highlight(name)
        self.refresh()

    def set_clip(self, clip: float | None) -> None:
        """Mark the gradient clipping threshold ``clip`` with a dashed line (None: no line)."""
        if clip == self.clip:
            return
        self.clip = clip
        if self.is_built:
            self._show_clip()
        self._drawn.clear()  # the axis range makes room for the line at the next refresh

    def _show_clip(self) -> None:
        clip = self.clip
        shown = clip is not None and clip > 0 and math.isfinite(clip)
        self.threshold.setVisible(shown)
        if shown and clip is not None:
            self.threshold.setPos(math.log10(clip))  # the norm axis is logarithmic
            self.threshold.label.setFormat(
                self.tr("clipping threshold {value} (all gradients together)").format(
                    value=f"{clip:g}"
                )
            )

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Append every parameter's gradient norm and keep its latest statistics."""
        self.set_clip(snapshot.grad_clip)
        self._live = snapshot.state in LIVE_STATES
        if self.is_built:
            self.x_axis.live = self._live
        if not self._live:
            self._drawn.clear()  # redraw once more to fit the axis to the run
        if not snapshot.parameters:
            return
        step = float(snapshot.step)
        for stats in snapshot.parameters:
            buffer = self.norms.get(stats.name)
            if buffer is None:
                buffer = self.norms[stats.name] = CurveBuffer(capacity=2048)
                # Colours follow the order of layers with parameters: neighbours differ.
                self._layer_ranks.setdefault(stats.layer_index, len(self._layer_ranks))
            last = buffer.last
            if last is None or step > last[0]:
                buffer.append(step, stats.grad_norm)
            if snapshot.content.histograms or stats.name not in self.latest:
                self.latest[stats.name] = stats  # details keep the last histograms seen
        self.picker.set_parameters(snapshot.parameters)
        self._detail_dirty = True

    def refresh(self) -> bool:
        """Redraw the curves that changed and the details of the chosen parameter."""
        self.ensure_built()
        changed = False
        for name, buffer in self.norms.items():
            if self._drawn.get(name) == buffer.version:
                continue
            if name not in self.curves:
                self.curves[name] = self._curve_for(self.latest[name])
            self.curves[name].setData(buffer.x.copy(), np.maximum(buffer.y, NORM_FLOOR))
            self._drawn[name] = buffer.version
            self.x_axis.follow(buffer.x[-1:].max(initial=0))
            changed = True
        if changed:
            guide = () if self.clip is None else (np.array([self.clip]),)
            self.y_axis.follow(*(buffer.y for buffer in self.norms.values()), *guide)
        if self._detail_dirty:
            self._detail_dirty = False
            self._show_details(self.latest.get(self.picker.current))
            changed = True
        return changed

    def _show_details(self, stats: ParameterStats | None) -> None:
        if stats is None or stats.grads is None:
            self.histogram.setData([], [])
            for scale in self._histogram_scales:
                scale.reset()
            self.matrix.show(None, missing=self.tr("No gradient yet.") if stats is not None else "")
            return
        edges = np.asarray(stats.grads.edges, dtype=np.float64)
        counts = np.asarray(stats.grads.counts, dtype=np.float64)
        self.histogram.setData(edges, counts)
        widest = float(np.abs(edges[np.isfinite(edges)]).max(initial=0.0))
        bounds = (
            self._histogram_scales[0].update(widest),
            self._histogram_scales[1].update(float(counts.max(initial=0.0))),
        )
        if bounds != self._histogram_bounds:
            self._histogram_bounds = bounds
            self.histogram_plot.setRange(
                xRange=(-bounds[0], bounds[0]), yRange=(0.0, bounds[1]), padding=0.02
            )
        self.matrix.show(
            stats.grad_matrix, missing=self.tr("This parameter is too large\nto draw as a matrix.")
        )

    def reset(self) -> None:
        """Remove every curve for a new run (parameters may differ)."""
        if self.is_built:
            for curve in self.curves.values():
                self.norm_plot.removeItem(curve)
            self.legend.clear()
            self.x_axis.reset()
            self.y_axis.reset()
        self.norms.clear()
        self.curves.clear()
        self.latest.clear()
        self._drawn.clear()
        self._layer_ranks.clear()
        self.highlighted = None
        self.set_clip(None)
        self._detail_dirty = True
        if self.is_built:
            self.refresh()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """The norm curves alone and the whole tab, for saving as images."""
        self.ensure_built()
        return {"gradient norms": self.norm_plot, "gradients": self.widget}
