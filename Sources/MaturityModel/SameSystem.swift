/// The one "same system" filter: which assessments are of a given system (and framework), whatever the
/// names they were saved under. History, comparison, progression, carrying forward, the drafts offered
/// and `list --system` all ask it.
extension SystemDirectory {
    /// Whether `member` belongs to the system with identity `systemID`.
    public func belongs(_ member: Member, to systemID: String) -> Bool {
        identity(of: member) == systemID
    }

    /// Whether `assessment`, saved as `file`, is an assessment of the system with identity `systemID`,
    /// answered against the framework `frameworkID` when one is given.
    public func belongs(_ assessment: Assessment, file: String, to systemID: String, framework frameworkID: String? = nil) -> Bool {
        (frameworkID == nil || assessment.framework.id == frameworkID) && belongs(Member(assessment, file: file), to: systemID)
    }

    /// Whether `member` is in the series of the system with identity `systemID` at `place` (nil: the
    /// whole system): the same system, and the same place or both at system level (``samePlace(_:_:)``).
    /// A place's assessments are a series of their own: carried forward, offered, compared and
    /// counted toward targets only with each other.
    public func belongs(_ member: Member, to systemID: String, place: String?) -> Bool {
        Self.samePlace(member.place, place) && belongs(member, to: systemID)
    }

    /// Whether `assessment`, saved as `file`, is in the series of the system with identity `systemID`
    /// at `place` (see ``belongs(_:to:place:)``), answered against `frameworkID` when one is given.
    public func belongs(_ assessment: Assessment, file: String, to systemID: String, place: String?,
                        framework frameworkID: String? = nil) -> Bool {
        Self.samePlace(assessment.place, place) && belongs(assessment, file: file, to: systemID, framework: frameworkID)
    }

    /// Whether two places are one: both nil (the whole system), or names that match as system names do
    /// (``Slug/matchKey(for:)``: case, accents, punctuation and "&"/"and" ignored).
    public static func samePlace(_ left: String?, _ right: String?) -> Bool {
        switch (left, right) {
        case (nil, nil): true
        case let (left?, right?): left == right || nameKey(left) == nameKey(right)
        default: false
        }
    }

    /// The places of the system with identity `systemID` that its assessments name, each in the
    /// spelling first written, in the order first used.
    public func places(of systemID: String) -> [String] {
        placesByID[systemID] ?? []
    }

    /// The known place of the system with identity `systemID` that `name` means, in its first-written
    /// spelling; `name` itself when the system has no such place yet.
    public func place(named name: String, in systemID: String) -> String {
        places(of: systemID).first { Self.samePlace($0, name) } ?? name
    }

    /// The series key of `member`: its system's identity and its place's folded name ("" for the
    /// whole system), for grouping assessments into series.
    public func seriesKey(of member: Member) -> String {
        identity(of: member) + "\n" + (member.place.map { "@" + Self.nameKey($0) } ?? "")
    }
}
