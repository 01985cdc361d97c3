/// The framework file's `metrics` list and its stages' `ageYears`: step 1's baseline measures, and the
/// ages at which each stage is typical.
extension FrameworkDecoder {
    static let maximumMetrics = 200
    static let maximumMetricsPerArea = 30
    static let maximumUnitLength = 40
    static let maximumAgeYears = 200

    /// `metrics`: a list of `{id, title, area, unit, higherIsBetter, description?}`, each naming the
    /// area it informs. Returns the metrics read without problems, with their area ids.
    mutating func decodeMetrics(_ node: YAMLNode) -> [(areaID: String, metric: Metric)]? {
        guard let items = sequence(node, at: "metrics", limit: Self.maximumMetrics) else { return nil }
        var metrics: [(areaID: String, metric: Metric)] = []
        var firstLine: [String: Int] = [:]
        var perArea: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "metrics[\(index)]"
            guard let fields = fields(of: item, at: path, required: ["id", "title", "area", "unit", "higherIsBetter"],
                                      optional: ["description"]) else { continue }
            var id = identifier(fields["id"], at: "\(path).id")
            if let valid = id {
                if let first = firstLine[valid] {
                    report("\(path).id: duplicate metric id '\(valid)' (first used on line \(first))", at: fields["id"])
                    id = nil
                } else {
                    firstLine[valid] = line(of: fields["id"]) ?? 0
                }
            }
            let title = text(fields["title"], at: "\(path).title")
            let areaID = knownArea(fields["area"], at: "\(path).area")
            let unit = unit(fields["unit"], at: "\(path).unit")
            let higherIsBetter = boolean(fields["higherIsBetter"], at: "\(path).higherIsBetter")
            let description = fields["description"].flatMap { text($0, at: "\(path).description") }
            if fields["description"] != nil, description == nil { continue }
            guard let id, let title, let areaID, let unit, let higherIsBetter else { continue }
            perArea[areaID, default: 0] += 1
            if perArea[areaID] == Self.maximumMetricsPerArea + 1 {
                report("\(path).area: more than \(Self.maximumMetricsPerArea) metrics for area '\(areaID)'; "
                       + "at most \(Self.maximumMetricsPerArea) are allowed per area", at: fields["area"])
            }
            metrics.append((areaID, Metric(id: id, title: title, unit: unit, higherIsBetter: higherIsBetter, description: description)))
        }
        return metrics
    }

    /// `ageYears`: `{from, to?}`, whole completed years, both ends included.
    mutating func decodeAgeRange(_ node: YAMLNode, at path: String) -> AgeRange? {
        guard let fields = fields(of: node, at: path, required: ["from"], optional: ["to"]) else { return nil }
        let from = wholeYears(fields["from"], at: "\(path).from")
        let to = fields["to"].flatMap { wholeYears($0, at: "\(path).to") }
        guard let from, fields["to"] == nil || to != nil else { return nil }
        if let to, to < from {
            report("\(path).to: \(to) is below from (\(from)); a range runs from the younger age to the older", at: fields["to"])
            return nil
        }
        return AgeRange(from: from, to: to)
    }

    /// Either every stage gives its ages or none does, and the ranges rise with the stages without
    /// overlapping (gaps are allowed; ``TypicalStage`` says how they read).
    mutating func checkStageAges(_ stages: [Stage], at places: [(path: String, node: YAMLNode)]) {
        guard stages.contains(where: { $0.ageYears != nil }) else { return }
        var previous: (stage: Stage, range: AgeRange)?
        for (stage, place) in zip(stages, places) {
            guard let range = stage.ageYears else {
                report("\(place.path): missing; give every stage its ageYears, or none", at: place.node)
                continue
            }
            if let previous {
                if let end = previous.range.to, range.from <= end {
                    report("\(place.path).from: \(range.from) overlaps the ages of '\(previous.stage.id)' (\(previous.range.text)); "
                           + "a stage's ages start after the stage below ends", at: place.node)
                } else if previous.range.to == nil {
                    report("\(place.path): the ages of '\(previous.stage.id)' have no upper end, so no stage can come above them",
                           at: place.node)
                }
            }
            previous = (stage, range)
        }
    }

    // MARK: - Scalars

    /// An area id the file declares.
    private mutating func knownArea(_ node: YAMLNode?, at path: String) -> String? {
        guard let node, let id = identifier(node, at: path) else { return nil }
        guard declaredAreaIDs.isEmpty || declaredAreaIDs.contains(id) else {
            report("\(path): unknown area '\(id)' (the framework's areas are \(declaredAreaIDs.joined(separator: ", ")))", at: node)
            return nil
        }
        return id
    }

    /// A unit: short text on one line, e.g. `tCO2e a year`.
    private mutating func unit(_ node: YAMLNode?, at path: String) -> String? {
        guard let node, let value = text(node, at: path) else { return nil }
        if value.contains(where: { $0.isWhitespace && $0 != " " }) {
            report("\(path): must be on one line, with plain spaces", at: node)
            return nil
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) {
            report("\(path): contains invisible formatting characters; a unit is compared with the units values are given in", at: node)
            return nil
        }
        if value.count > Self.maximumUnitLength {
            report("\(path): \(value.count) characters; a unit is at most \(Self.maximumUnitLength), e.g. 'tCO2e a year'", at: node)
            return nil
        }
        return value
    }

    /// `true` or `false`, unquoted (YAML 1.2 also reads `True`, `TRUE`, `False`, `FALSE`).
    private mutating func boolean(_ node: YAMLNode?, at path: String) -> Bool? {
        guard let node else { return nil }
        guard case let .scalar(string, plain) = node.content else {
            report("\(path): must be true or false, not a list or mapping", at: node)
            return nil
        }
        switch (string, plain) {
        case ("true", true), ("True", true), ("TRUE", true): return true
        case ("false", true), ("False", true), ("FALSE", true): return false
        default:
            report("\(path): '\(string)' must be true or false\(plain ? "" : " (without quotes)")", at: node)
            return nil
        }
    }

    /// A whole number of years, 0 to ``maximumAgeYears``, written plain.
    private mutating func wholeYears(_ node: YAMLNode?, at path: String) -> Int? {
        guard let node else { return nil }
        guard case let .scalar(string, _) = node.content else {
            report("\(path): must be a whole number of years, not a list or mapping", at: node)
            return nil
        }
        let raw = string.trimmingSpaces()
        guard !raw.isEmpty, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            report("\(path): '\(string)' is not a whole number of years such as 3", at: node)
            return nil
        }
        guard raw.utf8.count <= 4, let value = Int(raw), value <= Self.maximumAgeYears else {
            report("\(path): \(raw) years is out of range (0 to \(Self.maximumAgeYears))", at: node)
            return nil
        }
        return value
    }
}
