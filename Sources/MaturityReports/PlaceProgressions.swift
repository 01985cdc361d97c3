import MaturityModel

/// A system's progressions with its places (issue 15): the system level's series, then each place's,
/// each a progression as ``ProgressExport`` renders one. A system without places has one series, and
/// every format is then exactly that one progression's.
public struct PlaceProgressions: Sendable {
    /// One series: the place (nil: the system level) and its progression, named by the system alone.
    public struct Series: Sendable {
        /// The place, nil for the whole system.
        public var place: String?
        /// The progression of the system at that place.
        public var progression: Progression

        /// Creates a series.
        public init(place: String?, progression: Progression) {
            self.place = place
            self.progression = progression
        }

        /// The progression headed "System · Place" (the system alone at system level), for documents
        /// that have no field for the place.
        var headed: Progression {
            var headed = progression
            if let place { headed.system += " · " + place }
            return headed
        }
    }

    /// The series in order: the system level first when it has assessments, then each place in the
    /// order first assessed.
    public var series: [Series]
    /// Whether the store knows places for this system (or one was asked for): the JSON then says
    /// `place` in each progression.
    public var hasPlaces: Bool

    /// Creates the set.
    public init(series: [Series], hasPlaces: Bool) {
        self.series = series
        self.hasPlaces = hasPlaces
    }

    /// Text: each series as ``ProgressExport/text(_:)``, headed by its place, a blank line between.
    public func text() -> String {
        series.map { ProgressExport.text($0.headed) }.joined(separator: "\n")
    }

    /// Markdown: each series as ``ProgressExport/markdown(_:)``, headed by its place.
    public func markdown() -> String {
        series.map { ProgressExport.markdown($0.headed) }.joined(separator: "\n")
    }

    /// One HTML page: the first series' page with each later series' main content added to it.
    public func html() -> String {
        let pages = series.map { ProgressExport.html($0.headed) }
        guard var page = pages.first else { return "" }
        let close = "</main></body>"
        let needsMetricsStyle = series.dropFirst().contains { !$0.progression.metrics.isEmpty } && series[0].progression.metrics.isEmpty
        if needsMetricsStyle, let end = page.firstRange(of: "</style>") {
            page.replaceSubrange(end, with: HTMLExport.metricsStyle + "</style>")
        }
        let later = pages.dropFirst().compactMap { other -> String? in
            guard let start = other.firstRange(of: "<body><main>"), let end = other.firstRange(of: close) else { return nil }
            return String(other[start.upperBound..<end.lowerBound])
        }
        if let end = page.ranges(of: close).last {
            page.replaceSubrange(end, with: later.joined() + close)
        }
        return page
    }

    /// CSV: the rows of every series under one header; a place's rows name the system as
    /// "System · Place" in the `system` column.
    public func csv() -> String {
        joinedTables(series.map { ProgressExport.csv($0.headed) })
    }

    /// Metrics CSV: the rows of every series under one header, as ``csv()``.
    public func metricsCSV() -> String {
        joinedTables(series.map { MetricsCSV.render($0.headed) })
    }

    /// JSON: the first series' progression (the system level's, when it has assessments) with `place`,
    /// and, when there is more than one series or the first is the system level's, `places`: every later
    /// series' progression, each with its `place`. Without places, exactly ``ProgressExport/json(_:)``.
    public func json() -> PlaceProgressionJSON {
        let lines = series.map { PlaceProgressionJSON(progression: ProgressExport.json($0.progression), place: $0.place, saysPlace: hasPlaces) }
        guard var first = lines.first else {
            return PlaceProgressionJSON(progression: nil, place: nil, saysPlace: hasPlaces)
        }
        if hasPlaces && (series.count > 1 || series[0].place == nil) { first.places = Array(lines.dropFirst()) }
        return first
    }

    /// CSV documents after the first lose their header line (headers hold no line breaks; a line ends
    /// in CR LF, one character to Swift, or LF).
    private func joinedTables(_ tables: [String]) -> String {
        var out = tables.first ?? ""
        for table in tables.dropFirst() {
            guard let newline = table.firstIndex(where: { $0 == "\r\n" || $0 == "\n" }) else { continue }
            out += table[table.index(after: newline)...]
        }
        return out
    }
}

/// A progression as `progress --format json` writes it: ``ProgressionJSON``'s keys, then (for a system
/// with places) `place`, the place or null for the system level, and `places`, each place's progression.
public struct PlaceProgressionJSON: Encodable, Sendable {
    /// The progression.
    public var progression: ProgressionJSON?
    /// The place; nil for the system level.
    public var place: String?
    /// Whether to write `place` (only when the system has places, so that other output is unchanged).
    public var saysPlace: Bool
    /// The places' progressions, after the system level's.
    public var places: [PlaceProgressionJSON]?

    enum CodingKeys: String, CodingKey { case place, places }

    /// Writes the progression's keys, `place` and `places`.
    public func encode(to encoder: any Encoder) throws {
        try progression?.encode(to: encoder)
        guard saysPlace else { return }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(NullWhenAbsent(wrappedValue: place), forKey: .place)
        if let places { try container.encode(places, forKey: .places) }
    }
}
