/// Walks a composed YAML document into a ``Framework``, collecting every problem with its line.
struct FrameworkDecoder {
    static let maximumStages = 10
    static let maximumAreas = 50
    static let maximumCriteriaPerStage = 20
    static let maximumPrompts = 30
    static let maximumTextLength = 4000
    static let maximumIDLength = 64

    let file: String
    private(set) var problems: [FrameworkProblem] = []
    /// Every valid area id the file declares, even of areas with problems, so that a metric naming
    /// one is not also reported as naming an unknown area.
    var declaredAreaIDs: [String] = []

    init(file: String) {
        self.file = file
    }

    mutating func decodeFramework(_ root: YAMLNode) -> Framework? {
        guard let fields = fields(of: root, at: "framework", required: ["id", "version", "title", "source", "stages", "areas"],
                                  optional: ["summary", "attribution", "metrics"]) else { return nil }
        let id = identifier(fields["id"], at: "id")
        let version = version(fields["version"])
        let title = text(fields["title"], at: "title")
        let summary = fields["summary"].flatMap { text($0, at: "summary") }
        let source = fields["source"].flatMap { decodeSource($0) }
        let stages = fields["stages"].flatMap { decodeStages($0) } ?? []
        var areas = fields["areas"].flatMap { decodeAreas($0, stages: stages) } ?? []
        if let metricsNode = fields["metrics"], let metrics = decodeMetrics(metricsNode) {
            areas = areas.map { area in
                var area = area
                area.metrics = metrics.filter { $0.areaID == area.id }.map(\.metric)
                return area
            }
        }
        let attribution = fields["attribution"].map { decodeAttribution($0) } ?? .standard
        guard let id, let version, let title, let source, let attribution, !stages.isEmpty, !areas.isEmpty else { return nil }
        return Framework(id: id, version: version, title: title, summary: summary, source: source, stages: stages, areas: areas,
                         attribution: attribution)
    }

    /// `attribution`: each sentence optional, the standard one where left out.
    private mutating func decodeAttribution(_ node: YAMLNode) -> Attribution? {
        guard let fields = fields(of: node, at: "attribution", required: [], optional: ["fromSource", "ownWork"]) else { return nil }
        let fromSource = fields["fromSource"].map { text($0, at: "attribution.fromSource") } ?? Attribution.standard.fromSource
        let ownWork = fields["ownWork"].map { text($0, at: "attribution.ownWork") } ?? Attribution.standard.ownWork
        guard let fromSource, let ownWork else { return nil }
        return Attribution(fromSource: fromSource, ownWork: ownWork)
    }

    // MARK: - Parts

    private mutating func decodeSource(_ node: YAMLNode) -> Source? {
        guard let fields = fields(of: node, at: "source", required: ["title", "publisher", "published"],
                                  optional: ["author", "url"]) else { return nil }
        let title = text(fields["title"], at: "source.title")
        let publisher = text(fields["publisher"], at: "source.publisher")
        let published = text(fields["published"], at: "source.published")
        let author = fields["author"].flatMap { text($0, at: "source.author") }
        let url = fields["url"].flatMap { text($0, at: "source.url") }
        guard let title, let publisher, let published else { return nil }
        return Source(title: title, publisher: publisher, published: published, author: author, url: url)
    }

    private mutating func decodeStages(_ node: YAMLNode) -> [Stage]? {
        guard let items = sequence(node, at: "stages", limit: Self.maximumStages) else { return nil }
        if items.isEmpty { report("stages: empty; a framework needs at least one stage", at: node) }
        var stages: [Stage] = []
        var firstLine: [String: Int] = [:]
        var agePlaces: [(path: String, node: YAMLNode)] = []
        for (index, item) in items.enumerated() {
            let path = "stages[\(index)]"
            guard let fields = fields(of: item, at: path, required: ["id", "title"],
                                      optional: ["expectedAge", "threshold", "ageYears"]) else { continue }
            let id = identifier(fields["id"], at: "\(path).id")
            let title = text(fields["title"], at: "\(path).title")
            let age = fields["expectedAge"].flatMap { text($0, at: "\(path).expectedAge") }
            let threshold = fields["threshold"].map { decodeThreshold($0, at: "\(path).threshold") } ?? .allInPlace
            let ages = fields["ageYears"].flatMap { decodeAgeRange($0, at: "\(path).ageYears") }
            guard let id, let title, let threshold, fields["ageYears"] == nil || ages != nil else { continue }
            if let line = firstLine[id] {
                report("\(path).id: duplicate stage id '\(id)' (first used on line \(line))", at: fields["id"])
                continue
            }
            firstLine[id] = line(of: fields["id"]) ?? 0
            stages.append(Stage(id: id, title: title, expectedAge: age, threshold: threshold, ageYears: ages))
            agePlaces.append(("\(path).ageYears", fields["ageYears"] ?? item))
        }
        checkStageAges(stages, at: agePlaces)
        return stages
    }

    private mutating func decodeThreshold(_ node: YAMLNode, at path: String) -> Threshold? {
        guard let fields = fields(of: node, at: path, required: ["atLeast"], optional: ["partlyCounts"]) else { return nil }
        let atLeast = percentage(fields["atLeast"], at: "\(path).atLeast", range: 1...100)
        let partly = fields["partlyCounts"].map { percentage($0, at: "\(path).partlyCounts", range: 0...100) } ?? 0
        guard let atLeast, let partly else { return nil }
        return Threshold(atLeastPercent: atLeast, partlyPercent: partly)
    }

    private mutating func decodeAreas(_ node: YAMLNode, stages: [Stage]) -> [Area]? {
        guard let items = sequence(node, at: "areas", limit: Self.maximumAreas) else { return nil }
        if items.isEmpty { report("areas: empty; a framework needs at least one area", at: node) }
        var areas: [Area] = []
        var areaLines: [String: Int] = [:]
        var criterionLines: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "areas[\(index)]"
            guard let fields = fields(of: item, at: path, required: ["id", "title", "stages"],
                                      optional: ["short", "prompts"]) else { continue }
            let id = identifier(fields["id"], at: "\(path).id")
            if let id { declaredAreaIDs.append(id) }
            let title = text(fields["title"], at: "\(path).title")
            let short = fields["short"].flatMap { text($0, at: "\(path).short") }
            let prompts = fields["prompts"].flatMap { texts($0, at: "\(path).prompts") } ?? []
            let ladder = fields["stages"].flatMap { decodeAreaStages($0, at: "\(path).stages", stages: stages) }
            guard let id, let title, let ladder else { continue }
            if let first = areaLines[id] {
                report("\(path).id: duplicate area id '\(id)' (first used on line \(first))", at: fields["id"])
                continue
            }
            areaLines[id] = line(of: fields["id"]) ?? 0
            var criteria: [Criterion] = []
            for (criterion, node) in ladder.criteria {
                if let first = criterionLines[criterion.id] {
                    report("duplicate criterion id '\(criterion.id)' (first used on line \(first))", at: node)
                    continue
                }
                criterionLines[criterion.id] = line(of: node) ?? 0
                criteria.append(criterion)
            }
            areas.append(Area(id: id, title: title, shortTitle: short, descriptors: ladder.descriptors,
                              criteria: criteria, prompts: prompts))
        }
        return areas
    }

    private mutating func decodeAreaStages(
        _ node: YAMLNode, at path: String, stages: [Stage]
    ) -> (descriptors: [StageDescriptor], criteria: [(Criterion, YAMLNode)])? {
        guard case let .mapping(mapping) = node.content else {
            report("\(path): must be a mapping from stage id to descriptor and criteria", at: node)
            return nil
        }
        var byStage: [String: YAMLNode] = [:]
        let known = stages.map(\.id)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                report("\(path): keys must be stage ids", at: keyNode)
                continue
            }
            if !known.isEmpty, !known.contains(key) {
                report("\(path).\(key): unknown stage '\(key)' (the framework's stages are \(known.joined(separator: ", ")))",
                       at: keyNode)
                continue
            }
            byStage[key] = value
        }
        var descriptors: [StageDescriptor] = []
        var criteria: [(Criterion, YAMLNode)] = []
        var complete = true
        for stage in stages {
            let stagePath = "\(path).\(stage.id)"
            guard let stageNode = byStage[stage.id] else {
                report("\(stagePath): missing; every area needs a descriptor and criteria at every stage", at: node)
                complete = false
                continue
            }
            guard let stageFields = fields(of: stageNode, at: stagePath, required: ["descriptor", "criteria"], optional: []) else {
                complete = false
                continue
            }
            if let descriptor = text(stageFields["descriptor"], at: "\(stagePath).descriptor") {
                descriptors.append(StageDescriptor(stageID: stage.id, text: descriptor))
            } else {
                complete = false
            }
            guard let criteriaNode = stageFields["criteria"],
                  let items = sequence(criteriaNode, at: "\(stagePath).criteria", limit: Self.maximumCriteriaPerStage)
            else {
                complete = false
                continue
            }
            if items.isEmpty {
                report("\(stagePath).criteria: no criteria; every stage of an area needs at least one", at: criteriaNode)
                complete = false
            }
            for (index, item) in items.enumerated() {
                let itemPath = "\(stagePath).criteria[\(index)]"
                guard let itemFields = fields(of: item, at: itemPath, required: ["id", "question"], optional: ["label"]) else {
                    complete = false
                    continue
                }
                let id = identifier(itemFields["id"], at: "\(itemPath).id")
                let question = text(itemFields["question"], at: "\(itemPath).question")
                let label = itemFields["label"].flatMap { text($0, at: "\(itemPath).label") }
                guard let id, let question, let idNode = itemFields["id"] else {
                    complete = false
                    continue
                }
                criteria.append((Criterion(id: id, stageID: stage.id, text: question, label: label), idNode))
            }
        }
        return complete ? (descriptors, criteria) : nil
    }

    // MARK: - Scalars and shapes

    mutating func fields(of node: YAMLNode, at path: String, required: [String], optional: Set<String>) -> [String: YAMLNode]? {
        guard case let .mapping(mapping) = node.content else {
            report("\(path): must be a mapping of fields (\((required.isEmpty ? optional.sorted() : required).joined(separator: ", ")))", at: node)
            return nil
        }
        var result: [String: YAMLNode] = [:]
        let allowed = Set(required).union(optional)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                report("\(path): field names must be plain text", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                let known = (required + optional.sorted()).joined(separator: ", ")
                report("\(prefix(path))\(key): unknown field (expected \(known))", at: keyNode)
                continue
            }
            result[key] = value
        }
        for key in required where result[key] == nil {
            report("\(prefix(path))\(key): missing", at: node)
        }
        return result
    }

    mutating func sequence(_ node: YAMLNode, at path: String, limit: Int) -> [YAMLNode]? {
        guard case let .sequence(items) = node.content else {
            report("\(path): must be a list", at: node)
            return nil
        }
        if items.count > limit {
            report("\(path): \(items.count) entries; at most \(limit) are allowed", at: node)
            return nil
        }
        return items
    }

    mutating func text(_ node: YAMLNode?, at path: String) -> String? {
        guard let node else { return nil }
        guard case let .scalar(string, plain) = node.content else {
            report("\(path): must be text, not a list or mapping", at: node)
            return nil
        }
        let value = Self.trimmed(string)
        if value.isEmpty || (plain && Self.nullWords.contains(string)) {
            report("\(path): must not be empty", at: node)
            return nil
        }
        if value.count > Self.maximumTextLength {
            report("\(path): \(value.count) characters; at most \(Self.maximumTextLength) are allowed", at: node)
            return nil
        }
        if value.unicodeScalars.contains(where: Self.isForbiddenControl) {
            report("\(path): contains control characters", at: node)
            return nil
        }
        return value
    }

    private mutating func texts(_ node: YAMLNode, at path: String) -> [String]? {
        guard let items = sequence(node, at: path, limit: Self.maximumPrompts) else { return nil }
        let values = items.enumerated().map { text($1, at: "\(path)[\($0)]") }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    mutating func identifier(_ node: YAMLNode?, at path: String) -> String? {
        guard let node, let value = text(node, at: path) else { return nil }
        guard Identifier.isValid(value) else {
            report("\(path): '\(value)' is not a valid id (lowercase letters, digits and single hyphens, "
                   + "at most \(Identifier.maximumLength) characters)", at: node)
            return nil
        }
        return value
    }

    private mutating func version(_ node: YAMLNode?) -> String? {
        guard let node, let value = text(node, at: "version") else { return nil }
        guard value.count <= 32, !value.contains(where: \.isWhitespace) else {
            report("version: '\(value)' must be short and without spaces, e.g. 1.0.0", at: node)
            return nil
        }
        return value
    }

    private mutating func percentage(_ node: YAMLNode?, at path: String, range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard case let .scalar(string, _) = node.content else {
            report("\(path): must be a percentage such as 75%", at: node)
            return nil
        }
        var raw = string.trimmingSpaces()
        if raw.hasSuffix("%") { raw.removeLast() }
        guard let value = Int(raw.trimmingSpaces()) else {
            report("\(path): '\(string)' is not a whole percentage such as 75%", at: node)
            return nil
        }
        guard range.contains(value) else {
            report("\(path): \(value)% is out of range (\(range.lowerBound)% to \(range.upperBound)%)", at: node)
            return nil
        }
        return value
    }

    // MARK: - Reporting

    /// `text` without white space at either end (plain Swift: Foundation's trimming is slow to start).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// A control character other than a line break or a tab (checked without Unicode tables for ASCII).
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F }
        return scalar.properties.generalCategory == .control
    }

    /// Plain scalars that YAML reads as null.
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    private func prefix(_ path: String) -> String {
        path == "framework" ? "" : path + "."
    }

    func line(of node: YAMLNode?) -> Int? {
        node?.line
    }

    mutating func report(_ message: String, at node: YAMLNode?) {
        problems.append(FrameworkProblem(file: file, line: line(of: node), message: message))
    }
}
