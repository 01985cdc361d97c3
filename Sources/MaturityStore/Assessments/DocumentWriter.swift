import FoundationEssentials
import MaturityModel

/// The assessment file's bytes, written field by field with ``PrettyJSON``: the same bytes
/// `JSONEncoder` made (pretty-printed, keys sorted, slashes unescaped), in a fraction of the time, since
/// every change in a workshop is saved. Each type's keys are written in sorted order, optional ones
/// only when present, as the synthesized `Encodable` conformances do. `keys` lists them: a test checks
/// that every stored property of the wire types is written, and that the bytes equal the encoder's.
extension AssessmentFile.Document {
    /// The keys written for each wire type, in the order written (sorted by UTF-8 bytes).
    static let keys: [String: [String]] = [
        "Document": ["anonymousViews", "areas", "date", "established", "events", "framework", "kind", "lastTime", "metrics", "participants", "place", "position", "schemaVersion",
                     "status", "system", "systemID", "systemRename"],
        "Area": ["actions", "answers", "asLastTime", "id", "notes", "placement", "reviewedActions", "target", "title", "unreviewedActions", "views"],
        "TargetWire": ["by", "stage"],
        "MetricWire": ["metric", "note", "period", "source", "unit", "value"],
        "Views": ["dissent", "named", "unnamed"],
        "Counts": ["no", "partly", "unsure", "yes"],
        "Dissent": ["note", "participant"],
        "Action": ["due", "id", "owner", "status", "what"],
        "LastTime": ["answers", "date", "file", "notes"],
        "PlacementSummary": ["explanation", "gap", "nextStage", "progress", "provisional", "stage", "stageTitle"],
        "FrameworkReference": ["id", "sha256", "title", "version"],
        "WorkshopPosition": ["area", "criterion", "step"],
        "RecordEvent": ["at", "by", "criteria", "kind", "reason"],
        "SystemRename": ["date", "from", "to"],
    ]

    /// The file's bytes, with the final line feed.
    func json() -> Data {
        var json = PrettyJSON(capacity: 16_384)
        json.beginObject()
        if let anonymousViews {
            json.key("anonymousViews")
            json.bool(anonymousViews)
        }
        json.key("areas")
        json.beginArray()
        for area in areas {
            json.nextElement()
            Self.write(area, into: &json)
        }
        json.endArray()
        json.key("date")
        json.string(date.description)
        if let established {
            json.key("established")
            json.string(established.description)
        }
        if let events {
            json.key("events")
            json.beginArray()
            for event in events {
                json.nextElement()
                Self.write(event, into: &json)
            }
            json.endArray()
        }
        json.key("framework")
        json.beginObject()
        json.key("id")
        json.string(framework.id)
        if let sha256 = framework.sha256 {
            json.key("sha256")
            json.string(sha256)
        }
        json.key("title")
        json.string(framework.title)
        json.key("version")
        json.string(framework.version)
        json.endObject()
        json.key("kind")
        json.string(kind)
        if let lastTime {
            json.key("lastTime")
            json.beginObject()
            json.key("answers")
            json.stringMap(lastTime.answers)
            json.key("date")
            json.string(lastTime.date.description)
            json.key("file")
            json.string(lastTime.file)
            if let notes = lastTime.notes {
                json.key("notes")
                json.stringMap(notes)
            }
            json.endObject()
        }
        if let metrics {
            json.key("metrics")
            json.beginArray()
            for metric in metrics {
                json.nextElement()
                json.beginObject()
                json.key("metric")
                json.string(metric.metric)
                Self.optional("note", metric.note, into: &json)
                Self.optional("period", metric.period, into: &json)
                Self.optional("source", metric.source, into: &json)
                json.key("unit")
                json.string(metric.unit)
                json.key("value")
                json.string(metric.value)
                json.endObject()
            }
            json.endArray()
        }
        if let participants {
            json.key("participants")
            json.stringArray(participants)
        }
        Self.optional("place", place, into: &json)
        if let position {
            json.key("position")
            json.beginObject()
            Self.optional("area", position.area, into: &json)
            Self.optional("criterion", position.criterion, into: &json)
            json.key("step")
            json.string(position.step)
            json.endObject()
        }
        json.key("schemaVersion")
        json.number(schemaVersion)
        json.key("status")
        json.string(status)
        json.key("system")
        json.string(system)
        Self.optional("systemID", systemID, into: &json)
        if let systemRename {
            json.key("systemRename")
            json.beginObject()
            json.key("date")
            json.string(systemRename.date.description)
            json.key("from")
            json.string(systemRename.from)
            json.key("to")
            json.string(systemRename.to)
            json.endObject()
        }
        json.endObject()
        json.newline()
        return Data(json.bytes)
    }

    private static func write(_ area: Area, into json: inout PrettyJSON) {
        json.beginObject()
        if let actions = area.actions { write(actions, key: "actions", into: &json) }
        json.key("answers")
        json.stringMap(area.answers)
        if let asLastTime = area.asLastTime {
            json.key("asLastTime")
            json.stringArray(asLastTime)
        }
        json.key("id")
        json.string(area.id)
        if let notes = area.notes {
            json.key("notes")
            json.stringMap(notes)
        }
        if let placement = area.placement {
            json.key("placement")
            if let summary = placement.summary { write(summary, into: &json) } else { json.null() }
        }
        if let reviewed = area.reviewedActions { write(reviewed, key: "reviewedActions", into: &json) }
        if let target = area.target {
            json.key("target")
            json.beginObject()
            json.key("by")
            json.number(target.by)
            json.key("stage")
            json.string(target.stage)
            json.endObject()
        }
        optional("title", area.title, into: &json)
        if let unreviewed = area.unreviewedActions {
            json.key("unreviewedActions")
            json.stringArray(unreviewed)
        }
        if let views = area.views { write(views, into: &json) }
        json.endObject()
    }

    /// An area's views: criteria sorted by their UTF-8 bytes, each view's keys only when present.
    private static func write(_ views: [String: Views], into json: inout PrettyJSON) {
        json.key("views")
        json.beginObject()
        for (criterion, entry) in views.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            json.key(criterion)
            json.beginObject()
            if let dissents = entry.dissent {
                json.key("dissent")
                json.beginArray()
                for dissent in dissents {
                    json.nextElement()
                    json.beginObject()
                    json.key("note")
                    json.string(dissent.note)
                    optional("participant", dissent.participant, into: &json)
                    json.endObject()
                }
                json.endArray()
            }
            if let named = entry.named {
                json.key("named")
                json.stringMap(named)
            }
            if let counts = entry.unnamed {
                json.key("unnamed")
                json.beginObject()
                for (key, count) in [("no", counts.no), ("partly", counts.partly), ("unsure", counts.unsure), ("yes", counts.yes)] {
                    guard let count else { continue }
                    json.key(key)
                    json.number(count)
                }
                json.endObject()
            }
            json.endObject()
        }
        json.endObject()
    }

    private static func write(_ actions: [Action], key: String, into json: inout PrettyJSON) {
        json.key(key)
        json.beginArray()
        for action in actions {
            json.nextElement()
            json.beginObject()
            optional("due", action.due?.description, into: &json)
            json.key("id")
            json.string(action.id)
            json.key("owner")
            json.string(action.owner)
            json.key("status")
            json.string(action.status)
            json.key("what")
            json.string(action.what)
            json.endObject()
        }
        json.endArray()
    }

    /// A placement writes every key, `null` for a missing next stage or progress (see ``PlacementSummary``).
    private static func write(_ placement: PlacementSummary, into json: inout PrettyJSON) {
        json.beginObject()
        json.key("explanation")
        json.string(placement.explanation)
        json.key("gap")
        json.stringArray(placement.gap)
        json.key("nextStage")
        if let next = placement.nextStage { json.string(next) } else { json.null() }
        json.key("progress")
        if let progress = placement.progress { json.number(progress) } else { json.null() }
        json.key("provisional")
        json.bool(placement.provisional)
        json.key("stage")
        json.string(placement.stage)
        json.key("stageTitle")
        json.string(placement.stageTitle)
        json.endObject()
    }

    private static func write(_ event: RecordEvent, into json: inout PrettyJSON) {
        json.beginObject()
        json.key("at")
        json.string(event.at)
        optional("by", event.by, into: &json)
        if let criteria = event.criteria {
            json.key("criteria")
            json.stringArray(criteria)
        }
        json.key("kind")
        json.string(event.kind.rawValue)
        optional("reason", event.reason, into: &json)
        json.endObject()
    }

    private static func optional(_ key: String, _ value: String?, into json: inout PrettyJSON) {
        guard let value else { return }
        json.key(key)
        json.string(value)
    }
}
