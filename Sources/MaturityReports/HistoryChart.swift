import MaturityFramework
import MaturityModel

/// An inline SVG line chart of each area's stage by assessment date, readable in black and white.
/// Each line is labelled at its last point; labels of areas that end on the same stage are stacked,
/// never drawn over each other, with a thin leader to their point.
enum HistoryChart {
    /// A label's anchor (its line's last point) and its estimated width in pixels.
    struct Label: Equatable {
        /// Where the label starts, left.
        var x: Double
        /// The vertical centre of the point it labels.
        var y: Double
        /// Its width.
        var width: Double
    }

    /// The height a label takes: 12px text and a little air.
    static let labelHeight = 14.0
    /// How far a label's baseline is below the centre of its point when nothing is in the way.
    static let baselineOffset = 4.0

    static func svg(_ history: Progression) -> String {
        let h = Escape.html
        let stages = history.framework.stages
        let levels = stages.count
        let count = history.entries.count
        let left = 150.0, top = 20.0, rowHeight = 40.0, columnWidth = 110.0
        let width = left + columnWidth * Double(max(count - 1, 1)) + 180
        func x(_ index: Int) -> Double { left + columnWidth * Double(index) }
        func y(_ level: Int) -> Double { top + rowHeight * Double(levels - level) }
        let series = history.areas.enumerated().map { number, series in
            (series, series.points.enumerated().compactMap { index, point in point.map { (x(index), y($0.level) + Double(number * 3 - 3)) } })
        }
        let labelled = series.filter { !$0.1.isEmpty }
        let labels = labelled.map { series, points in
            Label(x: points[points.count - 1].0 + 10, y: points[points.count - 1].1, width: textWidth(series.area.shortTitle))
        }
        let baselines = layOut(labels)
        let plotBottom = y(0)
        let lowest = max(plotBottom, (baselines.max() ?? plotBottom) + baselineOffset)
        let height = lowest + 50
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"\(Int(width))\" height=\"\(Int(height))\" aria-label=\"Stage of each area by year\">\n"
        let titles = [history.framework.belowFirstStageTitle] + stages.map(\.title)
        for level in 0...levels {
            svg += "<line x1=\"\(left - 10)\" y1=\"\(y(level))\" x2=\"\(x(count - 1) + 10)\" y2=\"\(y(level))\" stroke=\"#ccc\"/>"
            svg += "<text x=\"\(left - 16)\" y=\"\(y(level) + 4)\" text-anchor=\"end\">\(h(titles[level]))</text>\n"
        }
        for (index, entry) in history.entries.enumerated() {
            svg += "<text x=\"\(x(index))\" y=\"\(height - 12)\" text-anchor=\"middle\">\(entry.assessment.date)</text>\n"
        }
        let dashes = ["", "6 4", "2 3", "10 3 2 3"]
        let colours = ["#1d4e89", "#b5482a", "#2f7d32", "#6a3d9a"]
        for (number, (series, points)) in series.enumerated() {
            let colour = colours[number % colours.count]
            let path = points.map { "\($0.0),\($0.1)" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" stroke-dasharray=\"\(dashes[number % dashes.count])\" points=\"\(path)\"/>\n"
            for point in points {
                svg += "<circle cx=\"\(point.0)\" cy=\"\(point.1)\" r=\"4\" fill=\"\(colour)\"/>"
            }
            guard let labelIndex = labelled.firstIndex(where: { $0.0.area.id == series.area.id }), let last = points.last else { continue }
            let baseline = baselines[labelIndex]
            if baseline - baselineOffset - last.1 > 1 {
                svg += "<line class=\"leader\" x1=\"\(last.0 + 5)\" y1=\"\(last.1)\" x2=\"\(last.0 + 8)\" y2=\"\(baseline - baselineOffset)\" "
                    + "stroke=\"\(colour)\" stroke-width=\"1\"/>"
            }
            svg += "<text class=\"area-label\" x=\"\(last.0 + 10)\" y=\"\(baseline)\" fill=\"\(colour)\">\(h(series.area.shortTitle))</text>\n"
        }
        return svg + "</svg>"
    }

    /// The baseline of each label, in the order given, such that no two labels' boxes overlap: labels are
    /// placed from the highest anchor down, each as near its anchor as the labels already placed allow,
    /// moving down past any in its way.
    static func layOut(_ labels: [Label]) -> [Double] {
        var baselines = labels.map { $0.y + baselineOffset }
        var placed: [Int] = []
        for index in labels.indices.sorted(by: { (labels[$0].y, $0) < (labels[$1].y, $1) }) {
            var moved = true
            while moved {
                moved = false
                for other in placed where overlap(labels[index], baselines[index], labels[other], baselines[other]) {
                    baselines[index] = baselines[other] + labelHeight
                    moved = true
                }
            }
            placed.append(index)
        }
        return baselines
    }

    /// Whether two labels' boxes, at these baselines, share any area.
    static func overlap(_ a: Label, _ aBaseline: Double, _ b: Label, _ bBaseline: Double) -> Bool {
        let horizontally = a.x < b.x + b.width && b.x < a.x + a.width
        let vertically = abs(aBaseline - bBaseline) < labelHeight
        return horizontally && vertically
    }

    /// A generous estimate of `text`'s width in 12px type: wide (East Asian) characters count double.
    static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (isWide(scalar) ? 12 : 7.5)
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD: true
        default: false
        }
    }
}
