/// A small framework of one's own, as a facilitator writes it from Frameworks/README.md: one area, two
/// stages, one question each. Issue 16's tests copy, edit and version it.
public enum ProcurementFramework {
    /// Its file text, at `version`, with the first question worded `known` and the second stage's
    /// criterion `doing` (its label the id's words) asking `doingQuestion`.
    public static func text(version: String = "1.0.0", known: String = "Is local spend known?", doing: String = "spend-steered",
                            doingQuestion: String = "Is local spend steered?") -> String {
        """
        id: procurement-social-value
        version: \(version)
        title: Procurement for social value
        source: {title: Our own, publisher: Test ICS, published: November 2026}
        stages:
          - {id: starting, title: Starting}
          - {id: doing, title: Doing}
        areas:
          - id: spend
            title: Local spend
            short: Spend
            stages:
              starting:
                descriptor: Spend is known.
                criteria:
                  - {id: spend-known, question: \(known), label: spend known}
              doing:
                descriptor: Spend is steered.
                criteria:
                  - {id: \(doing), question: \(doingQuestion), label: \(doing.split(separator: "-").joined(separator: " "))}

        """
    }
}
