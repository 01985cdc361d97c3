import MaturityFramework
import MaturityModel

/// Which framework the start screen offers: the one the named system's last assessment used, until the
/// facilitator chooses one with ←/→, so that a yearly rerun starts on last year's framework (and is
/// offered last year's answers) without a key.
extension StartScreen {
    /// Points the form's framework at the one the system it names last used (its latest complete
    /// assessment, else its latest draft) when that framework is offered; back to the first one offered
    /// when the name is not a known system (or has no assessment on an offered framework). Nothing changes once a framework was chosen by hand.
    static func followSystemFramework(_ form: inout StartForm, in state: inout WorkshopState) {
        guard !form.frameworkChosen, state.frameworks.count > 1, let index = state.storeIndex else { return }
        var chosen = form.firstFrameworkIndex
        if let systemID = form.renaming ?? state.systems.match(form.system.text.trimmingSpaces())?.id {
            let place = place(state, form: form, systemID: systemID)
            let series = index.entries.filter { state.systems.belongs($0.member, to: systemID, place: place) }
            let latest = series.filter { $0.status == .complete }.max { ($0.date, $0.path) < ($1.date, $1.path) }
                ?? series.max { ($0.date, $0.path) < ($1.date, $1.path) }
            if let latest, let offered = state.frameworks.firstIndex(where: { $0.id == latest.frameworkID }) { chosen = offered }
        }
        form.frameworkIndex = chosen
        state.framework = state.frameworks[chosen]
    }

    /// The framework's name in the form: its title, and its version when another version is offered too.
    static func frameworkName(_ state: WorkshopState, at index: Int) -> String {
        let framework = state.frameworks[index]
        let versions = state.frameworks.filter { $0.id == framework.id }.count
        return versions > 1 ? "\(framework.title) \(framework.version)" : framework.title
    }
}

/// What the offer to carry an assessment forward says when it was answered on another framework version.
public enum CarryAcrossVersions {
    /// " It was answered on version 1.0.0 of the framework; this workshop uses 1.1.0: …", or "" for one version.
    public static func note(earlier: String, now: String) -> String {
        guard earlier != now else { return "" }
        return " It was answered on version \(TerminalText.inert(earlier)) of the framework; this workshop uses "
            + "\(TerminalText.inert(now)): answers are carried question by question, and a question new in "
            + "\(TerminalText.inert(now)) starts unanswered."
    }
}

extension CarryAcrossVersions {
    /// What "Last time" says of a criterion last time's assessment did not answer: "not asked (new in
    /// version 1.1.0)" when last time's version (`earlier`, when known) had no such criterion, else
    /// "not answered".
    public static func unanswered(_ criterionID: String, earlier: Framework?, now: Framework) -> String {
        guard let earlier, !earlier.isSameText(as: now),
              !earlier.allCriteria.contains(where: { $0.id == criterionID }) else { return "not answered" }
        return "not asked (new in version \(TerminalText.inert(now.version)))"
    }
}

extension CarryAcrossVersions {
    /// " — then worded: …" when last time's version (`earlier`) asked `criterion` in other words, so that
    /// the board does not confirm an answer to a question it was not asked; "" otherwise.
    public static func earlierWording(of criterion: Criterion, earlier: Framework?, now: Framework) -> String {
        guard let earlier, !earlier.isSameText(as: now),
              let then = earlier.allCriteria.first(where: { $0.id == criterion.id }), then.text != criterion.text else { return "" }
        return " — then worded: \(TerminalText.inert(then.text))"
    }
}

extension WorkshopState {
    /// The framework version last time's assessment was answered against, when the store index has it.
    var lastTimeFramework: Framework? {
        guard let file = assessment?.lastTime?.file, let index = storeIndex else { return nil }
        return index.entries.first { $0.name == file }.flatMap(index.packing)
    }
}
