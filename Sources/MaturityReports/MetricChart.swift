import MaturityFramework
import MaturityModel

/// A small inline SVG line chart of one metric across the system's assessments: no script, nothing
/// fetched, black-and-white readable, with a `<title>` and an `aria-label` that say the series in words
/// (the HTML beside it also lists every reading as text).
///
/// Only readings in the framework's unit are drawn (a reading in another unit is listed, not plotted).
/// Positions are computed from ``ExactDecimal/approximateValue``; every number written as text is exact.
enum MetricChart {
    /// The chart's size in pixels.
    static let width = 380.0, height = 130.0
    /// The margins round the plot: wide at the sides, so a centred date or value label at the first or last point fits.
    static let left = 64.0, right = 64.0, top = 22.0, bottom = 34.0

    /// The chart of `series` (dates from its points), or nil when no reading is in `metric`'s unit.
    static func svg(_ series: MetricSeries, metric: Metric) -> String? {
        let h = Escape.html
        let plotted = series.points.enumerated().compactMap { index, point in
            point.reading.flatMap { $0.unit == metric.unit ? (index, $0) : nil }
        }
        guard !plotted.isEmpty else { return nil }
        let count = series.points.count
        let values = plotted.map(\.1.value.approximateValue)
        let low = values.min() ?? 0, high = values.max() ?? 0
        let span = high - low
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double { count > 1 ? left + plotWidth * Double(index) / Double(count - 1) : left + plotWidth / 2 }
        func y(_ value: Double) -> Double { span > 0 ? top + plotHeight * (high - value) / span : top + plotHeight / 2 }
        let summary = "\(metric.title) (\(metric.unit)): " + series.points.map { point in
            "\(point.date) \(point.reading.map { "\($0.value) \($0.unit)" } ?? "no reading")"
        }.joined(separator: "; ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"metric-chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"\(Int(width))\" height=\"\(Int(height))\" aria-label=\"\(h(summary))\">\n<title>\(h(summary))</title>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" stroke=\"#ccc\"/>\n"
        let points = plotted.map { (x($0.0), y($0.1.value.approximateValue)) }
        if points.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"#1d4e89\" stroke-width=\"2\" points=\""
                + points.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ") + "\"/>\n"
        }
        for ((_, reading), point) in zip(plotted, points) {
            svg += "<circle cx=\"\(format(point.0))\" cy=\"\(format(point.1))\" r=\"3.5\" fill=\"#1d4e89\"/>"
            svg += "<text x=\"\(format(point.0))\" y=\"\(format(point.1 - 7))\" text-anchor=\"middle\" font-size=\"10\">\(h(reading.value.description))</text>\n"
        }
        for (index, point) in series.points.enumerated() {
            svg += "<text x=\"\(format(x(index)))\" y=\"\(Int(height - 12))\" text-anchor=\"middle\" font-size=\"10\">\(point.date)</text>\n"
        }
        return svg + "</svg>"
    }

    /// A coordinate with at most one decimal place.
    static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
