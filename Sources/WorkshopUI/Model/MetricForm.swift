import MaturityFramework
import MaturityModel

/// The fields of a metric's reading while it is typed: nothing reaches the assessment until the form
/// is saved with a value that reads as a number.
public struct MetricForm: Sendable, Equatable {
    /// The value, as typed (read with ``ExactDecimal/parse(_:)`` when saved).
    public var value: TextField
    /// The period the value covers, e.g. "2025/26".
    public var period: TextField
    /// Where the value comes from.
    public var source: TextField
    /// The board's note on the value.
    public var note: TextField
    /// The field with the cursor.
    public var focus: Field
    /// Why the form cannot be saved yet, e.g. a value that is not a number.
    public var problem: String?
    /// Esc was just refused: Esc again closes the form without saving it.
    public var escapeDiscards = false

    /// The longest value typed, in characters: room for the most digits a value may have, with commas.
    static let valueLimit = 40

    /// A form holding `reading`, or empty.
    init(_ reading: MetricReading?) {
        value = TextField(reading?.value.description ?? "", limit: Self.valueLimit)
        period = TextField(reading?.period ?? "", limit: MetricReading.textLimit)
        source = TextField(reading?.source ?? "", limit: MetricReading.textLimit)
        note = TextField(reading?.note ?? "", limit: Assessment.noteLimit)
        focus = .value
        problem = nil
    }

    /// The form's fields, in the order Tab moves through them.
    public enum Field: Int, Sendable, CaseIterable {
        /// The value, a decimal number.
        case value
        /// The period it covers.
        case period
        /// Where it comes from.
        case source
        /// The board's note.
        case note

        /// The field after this one, the first after the last.
        var next: Field { Self.allCases[(rawValue + 1) % Self.allCases.count] }
        /// The field before this one, the last before the first.
        var previous: Field { Self.allCases[(rawValue + Self.allCases.count - 1) % Self.allCases.count] }
        /// The field's label on screen.
        var label: String {
            switch self {
            case .value: "Value"
            case .period: "Period"
            case .source: "Source"
            case .note: "Note"
            }
        }
    }

    /// The field `field`, to read or to edit.
    subscript(field: Field) -> TextField {
        get {
            switch field {
            case .value: value
            case .period: period
            case .source: source
            case .note: note
            }
        }
        set {
            switch field {
            case .value: value = newValue
            case .period: period = newValue
            case .source: source = newValue
            case .note: note = newValue
            }
        }
    }

    /// Whether every field is empty.
    var isEmpty: Bool { Field.allCases.allSatisfy { self[$0].text.trimmingSpaces().isEmpty } }

    /// The reading the form holds for `metric`, or the problem that keeps it from being saved (with the
    /// field to put the cursor in).
    func reading(for metric: Metric) -> Result<MetricReading, Refusal> {
        let value: ExactDecimal
        do {
            value = try ExactDecimal.parse(self.value.text)
        } catch {
            return .failure(Refusal(field: .value, message: "Value: \(error.message)."))
        }
        var texts: [Field: String] = [:]
        for field in [Field.period, .source] {
            let text = self[field].text.trimmingSpaces()
            guard !text.isEmpty else { continue }
            if let problem = MetricReading.textProblem(text) { return .failure(Refusal(field: field, message: "\(field.label): \(problem).")) }
            texts[field] = text
        }
        let note = self.note.text.trimmingSpaces()
        if let problem = MetricReading.noteProblem(note) { return .failure(Refusal(field: .note, message: "Note: \(problem).")) }
        return .success(MetricReading(metricID: metric.id, value: value, unit: metric.unit, period: texts[.period],
                                      source: texts[.source], note: note.isEmpty ? nil : note))
    }

    /// Why the form was not saved, and the field at fault.
    struct Refusal: Error, Equatable {
        var field: Field
        var message: String
    }
}
