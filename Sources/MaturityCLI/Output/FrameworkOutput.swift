import MaturityModel
import MaturityFramework
import MaturityRules

/// A framework as JSON for scripts: ids, titles, stages, areas, descriptors and criteria.
struct FrameworkJSON: Encodable {
    struct Source: Encodable {
        var title: String, publisher: String, published: String, author: String?, url: String?, citation: String
    }
    struct Attribution: Encodable {
        var fromSource: String, ownWork: String
    }
    struct Threshold: Encodable {
        var atLeastPercent: Int, partlyPercent: Int
    }
    struct AgeYears: Encodable {
        var from: Int, to: Int?
    }
    struct Stage: Encodable {
        var id: String, title: String, expectedAge: String?, typicalAge: String?, threshold: Threshold?, ageYears: AgeYears?
    }
    struct Metric: Encodable {
        var id: String, title: String, unit: String, higherIsBetter: Bool, description: String?
    }
    struct Criterion: Encodable {
        var id: String, stage: String, text: String, label: String
    }
    struct Area: Encodable {
        var id: String, title: String, short: String
        var descriptors: [String: String]
        var criteria: [Criterion]
        var prompts: [String]
        var metrics: [Metric]
    }

    var id: String, version: String, title: String, summary: String?
    var source: Source
    var attribution: Attribution
    var rule: String
    var stages: [Stage]
    var areas: [Area]

    init(_ framework: Framework) {
        id = framework.id
        version = framework.version
        title = framework.title
        summary = framework.summary
        let source = framework.source
        self.source = Source(title: source.title, publisher: source.publisher, published: source.published,
                             author: source.author, url: source.url, citation: source.citation)
        attribution = Attribution(fromSource: framework.attribution.fromSource, ownWork: framework.attribution.ownWork)
        rule = PlacementRules.ruleSentence(for: framework)
        stages = framework.stages.map {
            Stage(id: $0.id, title: $0.title, expectedAge: $0.expectedAge, typicalAge: $0.typicalAge,
                  threshold: $0.threshold.isAllInPlace ? nil
                      : Threshold(atLeastPercent: $0.threshold.atLeastPercent, partlyPercent: $0.threshold.partlyPercent),
                  ageYears: $0.ageYears.map { AgeYears(from: $0.from, to: $0.to) })
        }
        areas = framework.areas.map { area in
            Area(id: area.id, title: area.title, short: area.shortTitle,
                 descriptors: Dictionary(uniqueKeysWithValues: area.descriptors.map { ($0.stageID, $0.text) }),
                 criteria: area.criteria.map { Criterion(id: $0.id, stage: $0.stageID, text: $0.text, label: $0.label) },
                 prompts: area.prompts,
                 metrics: area.metrics.map {
                     Metric(id: $0.id, title: $0.title, unit: $0.unit, higherIsBetter: $0.higherIsBetter, description: $0.description)
                 })
        }
    }
}

/// A framework as text for people; titles are made inert, line breaks included (wrapped text has
/// its line breaks folded into spaces by ``wrapped(_:width:indent:continuation:)``).
enum FrameworkText {
    static func render(_ framework: Framework) -> String {
        var lines = ["\(inert: framework.title)", "id \(framework.id), version \(inert: framework.version)", ""]
        if let summary = framework.summary { lines += [wrapped(summary), ""] }
        lines.append(wrapped("Source: \(framework.source.citation)"))
        lines.append(wrapped("Credit: \(framework.attribution.text)"))
        lines.append(wrapped("Rule (this tool's, not the source's): \(PlacementRules.ruleSentence(for: framework))"))
        let stages = framework.stages.map { stage in stage.title + (stage.typicalAge.map { " (\($0))" } ?? "") }
        lines.append(wrapped("Stages: " + stages.joined(separator: ", ")))
        for (number, area) in framework.areas.enumerated() {
            lines += ["", "\(number + 1). \(inert: area.title)  [\(area.id)]"]
            for stage in framework.stages {
                lines.append("")
                lines.append(wrapped("\(stage.title): \(area.descriptor(atStage: stage.id) ?? "")", indent: "   "))
                for criterion in area.criteria(atStage: stage.id) {
                    lines.append(wrapped("- \(criterion.text) [\(criterion.id)]", indent: "     ", continuation: "       "))
                }
            }
            if !area.metrics.isEmpty {
                lines += ["", "   Metrics (the baseline, year by year):"]
                for metric in area.metrics {
                    lines.append(wrapped("- \(metric.title) (\(metric.unit); \(metric.directionText)) [\(metric.id)]",
                                         indent: "     ", continuation: "       "))
                    if let description = metric.description {
                        lines.append(wrapped(description, indent: "       "))
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
