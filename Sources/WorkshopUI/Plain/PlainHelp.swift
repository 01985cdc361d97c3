/// What `?` says at each of plain mode's command prompts: every command, one a line.
enum PlainHelp {
    /// The moves every command prompt takes.
    static let moves = """
          g N, g N.M   go to area N (its stages, then its first question), or to question M of area N, e.g. g 2.4;
                       g alone asks where
          established YYYY-MM-DD
                       the day the system was established, for the typical stage by age (- leaves it
                       unknown; the word alone asks)
        """

    /// The moves of a question or an area's actions.
    static let walking = """
          b            back: the previous question (from the first question of an area, the actions of the one before)
        """ + "\n" + moves + """

          s            the summary (b there comes back here)
          q            stop; everything is saved, and maturity workshop --resume FILE carries on here
        """

    /// At a question.
    static let question = """
        At a question:
          y p n u      answer yes (in place), partly, no or not sure, then the note is asked
          Enter        keep the answer (confirming it, if it is as last time) and go on to the note
          -            clear the answer
          v            a round of views: each participant in turn types y, p, n or u (Enter passes, b goes back
                       one member); then the spread, the board's agreed answer, and a one-line dissent for each
                       member whose view differs (Enter for none)
          m            record the area's metrics: each one's value, period, source and note (Enter skips or keeps)
        """ + "\n" + walking + """

        At the note: Enter keeps it (or leaves none), - removes it, any other line is the note.
          +            write a note of several lines: type them one by one, and a line holding only a full stop (.) ends it
        """

    /// At an area's actions.
    static let actions = """
        At an area's actions:
          (any words)  add an action with that description; its owner and due date are asked next
          a            add an action, asking its description first (for a description that is also a command)
          e N          edit action N: its description, owner, due date and status (n not started, i in progress,
                       d done, x dropped), each kept with Enter
          d N          delete action N (asked to confirm)
          t            set or change the area's target: a stage by number or name, then a year (Enter keeps each)
          m            record the area's metrics: each one's value, period, source and note (Enter skips or keeps)
          Enter        go on to the next area, or the summary after the last
        """ + "\n" + walking

    /// On the summary.
    static let summary = """
        On the summary:
          c            mark the assessment complete (then read-only); on a complete one, reopen it, saying why
          x            export the summary as Markdown, HTML, CSV and JSON, and say where each file is
          h            the system's history: each area's stage in every assessment, and how it moved
          l            list every question with its number (for g) and its answer
          b            back to where s was typed (else the last area's actions)
        """ + "\n" + moves + """

          Enter, q     finish; everything is saved
        """
}
