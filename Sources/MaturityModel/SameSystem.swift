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
}
