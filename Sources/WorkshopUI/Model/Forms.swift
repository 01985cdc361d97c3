import CellGrid
import MaturityModel

/// The fields of an action while it is edited.
public struct ActionForm: Sendable, Equatable {
    /// What is to be done.
    public var what: TextField
    /// Who owns it.
    public var owner: TextField
    /// When it is due, as typed.
    public var due: TextField
    /// How it stands.
    public var status: ActionStatus
    /// The field with the cursor.
    public var focus: Field
    /// Why the form cannot close yet, e.g. a due date that is not a date.
    public var problem: String?

    init(_ action: Action) {
        what = TextField(action.what, limit: 500)
        owner = TextField(action.owner, limit: 200)
        due = TextField(action.due?.description ?? "", limit: 10)
        status = action.status
        focus = .what
        problem = nil
    }

    /// The form's fields, in the order Tab moves through them.
    public enum Field: Int, Sendable, CaseIterable {
        /// What is to be done.
        case what
        /// Who owns it.
        case owner
        /// When it is due.
        case due
        /// How it stands (chosen with the arrows, not typed).
        case status

        /// The field after this one, the first after the last.
        var next: Field { Self.allCases[(rawValue + 1) % Self.allCases.count] }
        /// The field before this one, the last before the first.
        var previous: Field { Self.allCases[(rawValue + Self.allCases.count - 1) % Self.allCases.count] }
    }
}

/// The start screen's form.
public struct StartForm: Sendable, Equatable {
    /// The fields in order; the framework choice appears only when there is more than one.
    public enum Field: Sendable, Equatable {
        case system, known, place, date, established, participants, anonymous, framework, start, draft
    }

    /// The system's name.
    public var system: TextField
    /// The place within the system the assessment covers; blank for the whole system.
    public var place = TextField("", limit: TypedName.maximumLength)
    /// The date, as typed.
    public var date: TextField
    /// When the system was established, as typed (blank: unknown). Until it is edited, the form shows
    /// the date carried from the system's last complete assessment instead (see ``StartScreen/establishedText(_:form:)``).
    public var established = TextField("", limit: 10)
    /// Set once the established date is typed into (or given on the command line): it is then as typed,
    /// no longer the carried one.
    public var establishedEdited = false
    /// Participants, separated by commas.
    public var participants: TextField
    /// Anonymous mode: views and dissents are taken and kept without names (Space toggles it).
    public var anonymous = false
    /// The chosen framework.
    public var frameworkIndex: Int
    /// Set once the facilitator chooses a framework with ←/→: it no longer follows the system named.
    public var frameworkChosen = false
    /// The framework offered first (the one asked for, or the default), for a system with no assessment.
    public let firstFrameworkIndex: Int
    /// The field with the cursor.
    public var focus: Field
    /// The selected draft, when the focus is on the list of drafts.
    public var draftIndex: Int
    /// Why the workshop cannot start yet.
    public var problem: String?
    /// An earlier complete assessment of the system (index in the archive), offered to carry forward.
    public var carryOffer: Int?
    /// The selected known system, when the focus is on the list of known systems.
    public var knownIndex = 0
    /// The identity of the known system being renamed: the system field holds its new name.
    public var renaming: String?
    /// Start was chosen before the store was read: the workshop starts once it is, and then these keys,
    /// typed meanwhile, take effect in order (at most ``waitingKeyLimit``). Nil when not waiting.
    public var waitingForStore: [Key]?
    /// The most keys kept while waiting for the store; later ones are dropped.
    public static let waitingKeyLimit = 4096

    init(system: String, date: CalendarDate, frameworkIndex: Int, hasDrafts: Bool) {
        self.system = TextField(system, limit: 200)
        self.date = TextField(date.description, limit: 10)
        participants = TextField("", limit: 1000)
        self.frameworkIndex = frameworkIndex
        firstFrameworkIndex = frameworkIndex
        focus = system.isEmpty ? .system : .participants
        draftIndex = 0
        problem = nil
    }
}
