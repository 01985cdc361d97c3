import MaturityFramework

/// Swift source that rebuilds a ``Framework`` value, every field passed explicitly.
///
/// A field added to the model without being added here is caught by the test that compares the
/// built-in frameworks with the files in `Frameworks/` read at test time.
enum FrameworkSource {
    static func framework(_ framework: Framework) -> String {
        """
        Framework(
                id: \(literal(framework.id)), version: \(literal(framework.version)), title: \(literal(framework.title)),
                summary: \(optional(framework.summary)),
                source: \(source(framework.source)),
                stages: [\(framework.stages.map(stage).joined(separator: ", "))],
                areas: [
        \(framework.areas.map { "            " + area($0) + ",\n" }.joined())        ],
                attribution: Attribution(fromSource: \(literal(framework.attribution.fromSource)), ownWork: \(literal(framework.attribution.ownWork))))
        """
    }

    static func source(_ source: Source) -> String {
        "Source(title: \(literal(source.title)), publisher: \(literal(source.publisher)), published: \(literal(source.published)), "
            + "author: \(optional(source.author)), url: \(optional(source.url)))"
    }

    static func stage(_ stage: Stage) -> String {
        "Stage(id: \(literal(stage.id)), title: \(literal(stage.title)), expectedAge: \(optional(stage.expectedAge)), "
            + "threshold: Threshold(atLeastPercent: \(stage.threshold.atLeastPercent), partlyPercent: \(stage.threshold.partlyPercent)), "
            + "ageYears: \(stage.ageYears.map { "AgeRange(from: \($0.from), to: \($0.to.map(String.init) ?? "nil"))" } ?? "nil"))"
    }

    static func area(_ area: Area) -> String {
        let descriptors = area.descriptors.map { "StageDescriptor(stageID: \(literal($0.stageID)), text: \(literal($0.text)))" }
        let criteria = area.criteria.map {
            "Criterion(id: \(literal($0.id)), stageID: \(literal($0.stageID)), text: \(literal($0.text)), label: \(literal($0.label)))"
        }
        return """
            Area(
                            id: \(literal(area.id)), title: \(literal(area.title)), shortTitle: \(literal(area.shortTitle)),
                            descriptors: [\(descriptors.joined(separator: ",\n                "))],
                            criteria: [\(criteria.joined(separator: ",\n                "))],
                            prompts: [\(area.prompts.map(literal).joined(separator: ", "))],
                            metrics: [\(area.metrics.map(metric).joined(separator: ",\n                "))])
            """
    }

    static func metric(_ metric: Metric) -> String {
        "Metric(id: \(literal(metric.id)), title: \(literal(metric.title)), unit: \(literal(metric.unit)), "
            + "higherIsBetter: \(metric.higherIsBetter), description: \(optional(metric.description)))"
    }

    static func optional(_ text: String?) -> String {
        text.map(literal) ?? "nil"
    }
}

/// `text` as a Swift string literal: printable ASCII as it is, everything else as `\u{…}`, so that no
/// character of a framework file can end the literal or change how the source reads.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case " "..."~": result.unicodeScalars.append(scalar)
        default: result += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return result + "\""
}
