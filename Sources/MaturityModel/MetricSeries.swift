import MaturityFramework

/// One metric across a system's assessments, oldest first, with the change from each to the next.
public struct MetricSeries: Sendable, Hashable {
    /// The metric's reading in one assessment.
    public struct Point: Sendable, Hashable {
        /// The assessment's date.
        public var date: CalendarDate
        /// The metric's reading then; nil when the board recorded none.
        public var reading: MetricReading?

        /// Creates a point.
        public init(date: CalendarDate, reading: MetricReading?) {
            self.date = date
            self.reading = reading
        }
    }

    /// The change from one reading to the next.
    public struct Change: Sendable, Hashable {
        /// The later value less the earlier, exact, with the more precise of their places.
        public var difference: ExactDecimal
        /// Whether that is better, worse or no change, given whether higher is better.
        public var direction: MetricDirection
    }

    /// The metric's id.
    public var metricID: String
    /// Whether a higher value is better for this metric, as the framework says.
    public var higherIsBetter: Bool
    /// One point per assessment, oldest first (assessments of the same day keep their order).
    public var points: [Point]
    /// Between each point and the next (one fewer than the points): the change, or nil when either has
    /// no reading or their units differ.
    public var changes: [Change?]

    /// The series of `metricID` across `assessments`.
    public init(metricID: String, higherIsBetter: Bool, assessments: [Assessment]) {
        self.init(metricID: metricID, higherIsBetter: higherIsBetter, points: assessments.map { assessment in
            Point(date: assessment.date, reading: assessment.metrics.last { $0.metricID == metricID })
        })
    }

    /// The series made of `points`, put in date order.
    public init(metricID: String, higherIsBetter: Bool, points: [Point]) {
        self.metricID = metricID
        self.higherIsBetter = higherIsBetter
        self.points = points.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        let ordered = self.points
        changes = ordered.indices.dropLast().map { index in
            guard let before = ordered[index].reading, let after = ordered[index + 1].reading, before.unit == after.unit,
                  let difference = after.value.subtracting(before.value) else { return nil }
            return Change(difference: difference, direction: MetricDirection(change: difference.signum, higherIsBetter: higherIsBetter))
        }
    }

    /// The series of each of `framework`'s metrics that has a reading in any of `assessments`, in the
    /// framework's order; none when no assessment has a reading.
    public static func recorded(in framework: Framework, across assessments: [Assessment]) -> [MetricSeries] {
        let read = Set(assessments.flatMap { $0.metrics.map(\.metricID) })
        guard !read.isEmpty else { return [] }
        return framework.allMetrics.filter { read.contains($0.id) }.map {
            MetricSeries(metricID: $0.id, higherIsBetter: $0.higherIsBetter, assessments: assessments)
        }
    }

    /// The latest reading and the change to it from the one before, if both exist.
    public var latest: (reading: MetricReading?, change: Change?) {
        (points.last?.reading, changes.last ?? nil)
    }
}

/// Which way a metric moved, judged by whether higher is better.
public enum MetricDirection: String, Sendable, Hashable, CaseIterable {
    /// Moved the way the metric should.
    case better
    /// Moved against it.
    case worse
    /// The same value.
    case unchanged

    /// The direction of a change whose sign is `change` (-1, 0 or 1) for a metric where higher is or is not better.
    public init(change: Int, higherIsBetter: Bool) {
        if change == 0 {
            self = .unchanged
        } else {
            self = (change > 0) == higherIsBetter ? .better : .worse
        }
    }
}
