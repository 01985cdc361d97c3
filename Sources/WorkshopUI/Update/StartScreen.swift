import CellGrid
import MaturityFramework
import MaturityModel

/// The start screen: system, place, date, participants, framework, and drafts to resume.
enum StartScreen {
    static func fields(_ state: WorkshopState) -> [StartForm.Field] {
        // The place follows the system (and the list of known systems to pick it from).
        var fields: [StartForm.Field] = [.system] + (state.systems.systems.isEmpty ? [] : [.known]) + [.place, .date, .established, .participants, .anonymous]
        if state.frameworks.count > 1 { fields.append(.framework) }
        fields.append(.start)
        if !state.drafts.isEmpty { fields.append(.draft) }
        return fields
    }

    static func handle(_ key: Key, form: StartForm, in state: inout WorkshopState) -> [Reaction] {
        var form = form
        let fields = fields(state)
        let position = fields.firstIndex(of: form.focus) ?? 0
        form.problem = nil
        if let waiting = form.waitingForStore {
            // Esc stops waiting; any other key waits its turn, to follow the start.
            form.waitingForStore = key == .escape ? nil : waiting.count < StartForm.waitingKeyLimit ? waiting + [key] : waiting
            state.screen = .start(form)
            return []
        }
        if let offer = form.carryOffer {
            switch key {
            case .character("y"), .character("Y"), .enter:
                return begin(&state, carryingForward: offer)
            case .character("n"), .character("N"):
                return begin(&state, carryingForward: nil)
            case .escape:
                form.carryOffer = nil
                state.screen = .start(form)
            default:
                break
            }
            return []
        }
        switch key {
        case .escape where form.renaming != nil:
            form.renaming = nil
        case .escape:
            state.screen = .start(form)
            return [.quit]
        case .tab:
            form.focus = fields[(position + 1) % fields.count]
        case .backTab:
            form.focus = fields[(position + fields.count - 1) % fields.count]
        case .down:
            if form.focus == .draft {
                form.draftIndex = min(form.draftIndex + 1, state.drafts.count - 1)
            } else if form.focus == .known, form.knownIndex < state.systems.systems.count - 1 {
                form.knownIndex += 1
            } else {
                form.focus = fields[min(position + 1, fields.count - 1)]
            }
        case .up:
            if form.focus == .draft, form.draftIndex > 0 {
                form.draftIndex -= 1
            } else if form.focus == .known, form.knownIndex > 0 {
                form.knownIndex -= 1
            } else {
                form.focus = fields[max(position - 1, 0)]
            }
        case .left where form.focus == .framework, .right where form.focus == .framework:
            let count = state.frameworks.count
            form.frameworkIndex = (form.frameworkIndex + (key == .left ? count - 1 : 1)) % count
            form.frameworkChosen = true
            state.framework = state.frameworks[form.frameworkIndex]
        case .enter:
            switch form.focus {
            case .start:
                state.screen = .start(form)
                guard validated(&state) != nil else { return [] }
                guard state.storeIndex != nil else {
                    // Which system the name means, and what can be carried forward, are the store's to say.
                    form.waitingForStore = []
                    state.screen = .start(form)
                    return []
                }
                guard let (system, _, _) = validated(&state), let identity = identity(&state, typed: system) else { return [] }
                if let offer = latestComplete(state, identity: identity), var current = state.start {
                    current.carryOffer = offer
                    state.screen = .start(current)
                    return []
                }
                return begin(&state, carryingForward: nil)
            case .known:
                let known = state.systems.systems[min(form.knownIndex, state.systems.systems.count - 1)]
                form.system = TextField(known.name, limit: form.system.limit)
                form.renaming = nil
                form.focus = fields[min(position + 1, fields.count - 1)]
            case .draft:
                // The draft opens once it is locked and read again (see WorkshopEvent.lockedDraftRead).
                guard let draft = state.drafts[safe: form.draftIndex] else { return [] }
                state.screen = .start(form)
                return [.effect(.lockDraft(draft.file))]
            default:
                form.focus = fields[min(position + 1, fields.count - 1)]
            }
        case .character(" ") where form.focus == .anonymous:
            form.anonymous.toggle()
        case .character("r") where form.focus == .known, .character("R") where form.focus == .known:
            let known = state.systems.systems[min(form.knownIndex, state.systems.systems.count - 1)]
            form.system = TextField(known.name, limit: form.system.limit)
            form.renaming = known.id
            form.focus = .system
        default:
            switch form.focus {
            case .system: _ = form.system.handle(key, width: 0)
            case .place: _ = form.place.handle(key, width: 0)
            case .date: _ = form.date.handle(key, width: 0)
            case .established:
                // The first edit starts from the date shown, carried from last time or blank.
                if !form.establishedEdited {
                    form.established = TextField(establishedText(state, form: form), limit: form.established.limit)
                    form.establishedEdited = true
                }
                _ = form.established.handle(key, width: 0)
            case .participants: _ = form.participants.handle(key, width: 0)
            default: break
            }
            if form.system.wasCut || form.place.wasCut || form.participants.wasCut {
                let limit = form.system.wasCut ? form.system.limit : form.place.wasCut ? form.place.limit : form.participants.limit
                form.problem = "That field is full (at most \(limit) "
                    + "characters); the rest was not added."
            }
        }
        followSystemFramework(&form, in: &state)
        state.screen = .start(form)
        return []
    }

    /// The form's system, date and participants, or nil after telling the user what is missing.
    private static func validated(_ state: inout WorkshopState) -> (String, CalendarDate, [String])? {
        guard var form = state.start else { return nil }
        let system = form.system.text.trimmingSpaces()
        guard !system.isEmpty else {
            form.problem = "Type the name of the system first, e.g. West Yorkshire ICS."
            form.focus = .system
            state.screen = .start(form)
            return nil
        }
        guard let date = CalendarDate(form.date.text.trimmingSpaces()) else {
            form.problem = "The date must be a real day written YYYY-MM-DD, e.g. 2026-11-22."
            form.focus = .date
            state.screen = .start(form)
            return nil
        }
        let established = establishedText(state, form: form).trimmingSpaces()
        if !established.isEmpty {
            guard let since = CalendarDate(established) else {
                form.problem = "The established date must be a real day written YYYY-MM-DD, e.g. 2022-07-01, or blank "
                    + "when it is not known."
                form.focus = .established
                state.screen = .start(form)
                return nil
            }
            guard since <= date else {
                form.problem = "The system cannot have been established (\(since)) after the assessment's date (\(date)): "
                    + "correct one of the two dates, or leave the established date blank."
                form.focus = .established
                state.screen = .start(form)
                return nil
            }
        }
        if case let .failure(problem) = placeName(form) {
            form.problem = "The place \(problem.sentence); leave it blank for the whole system."
            form.focus = .place
            state.screen = .start(form)
            return nil
        }
        // A name typed twice ("Ann, Ann") is one participant: views are kept by name.
        var seen: Set<String> = []
        let participants = form.participants.text.split(separator: ",")
            .map { $0.trimmingSpaces() }.filter { !$0.isEmpty && seen.insert($0).inserted }
        return (system, date, participants)
    }

    /// The place the form names, checked as a typed name: nil (the whole system) when blank.
    static func placeName(_ form: StartForm) -> Result<String?, TypedName.Problem> {
        if form.place.text.trimmingWhitespace().isEmpty { return .success(nil) }
        return TypedName.checked(form.place.text).map { Optional($0) }
    }

    /// The place the form names, in the spelling the system's assessments first gave it; nil for the
    /// whole system (or a place that cannot be a name, which ``validated(_:)`` refuses).
    static func place(_ state: WorkshopState, form: StartForm, systemID: String?) -> String? {
        guard case let .success(typed?) = placeName(form) else { return nil }
        return systemID.map { state.systems.place(named: typed, in: $0) } ?? typed
    }

    /// The established date the form shows: as typed once edited, else the one carried from the system's
    /// last complete assessment (blank when it has none, or the name is not a known system).
    static func establishedText(_ state: WorkshopState, form: StartForm) -> String {
        form.establishedEdited ? form.established.text : carriedEstablished(state, form: form)?.description ?? ""
    }

    /// The established date of the last complete assessment of the system the form names, if it has one.
    static func carriedEstablished(_ state: WorkshopState, form: StartForm) -> CalendarDate? {
        let typed = form.system.text.trimmingSpaces()
        guard let systemID = form.renaming ?? state.systems.match(typed)?.id,
              let frameworkID = state.frameworks[safe: form.frameworkIndex]?.id,
              let offer = state.storeIndex?.latestComplete(ofSystem: systemID, place: place(state, form: form, systemID: systemID),
                                                           frameworkID: frameworkID),
              let path = state.storeIndex?.entries[safe: offer]?.path else { return nil }
        return state.storeIndex?.carryable[path]?.established
    }

    /// The latest complete assessment of the system (at the form's place) with the chosen framework, as an
    /// index in the store's entries.
    static func latestComplete(_ state: WorkshopState, identity: SystemChoice) -> Int? {
        guard let systemID = identity.known?.id, let form = state.start else { return nil }
        return state.storeIndex?.latestComplete(ofSystem: systemID, place: place(state, form: form, systemID: systemID),
                                                frameworkID: state.frameworks[form.frameworkIndex].id)
    }

    /// Takes the store's contents; a start chosen while it was being read now goes ahead, and the keys
    /// typed meanwhile follow it.
    static func storeRead(_ index: StoreIndex, in state: inout WorkshopState) -> [WorkshopEffect] {
        state.storeIndex = index
        if var form = state.start {
            followSystemFramework(&form, in: &state)
            state.screen = .start(form)
        }
        guard var form = state.start, let waiting = form.waitingForStore else { return [] }
        form.waitingForStore = nil
        form.focus = .start
        state.screen = .start(form)
        var effects: [WorkshopEffect] = []
        for key in [Key.enter] + waiting {
            let (next, more) = Workshop.update(state, .key(key))
            state = next
            effects += more.filter { !effects.contains($0) }
        }
        return effects
    }

    /// Which system the form means: the one being renamed, a known one the typed name matches (its
    /// display name kept), or a new one. Nil after telling the user why not (a rename to another known
    /// system's name).
    static func identity(_ state: inout WorkshopState, typed: String) -> SystemChoice? {
        guard var form = state.start, let id = form.renaming, let known = state.systems.system(id: id) else {
            return state.systems.choice(for: typed)
        }
        do {
            return try state.systems.renaming(known, to: typed)
        } catch {
            form.problem = "\(error.other.name) is another known system; choose a name no other system has, "
                + "or press Esc to cancel the rename."
            form.focus = .system
            state.screen = .start(form)
            return nil
        }
    }

    /// Starts the new assessment, empty or carried forward from an archived one.
    private static func begin(_ state: inout WorkshopState, carryingForward offer: Int?) -> [Reaction] {
        guard let (system, date, participants) = validated(&state), let identity = identity(&state, typed: system),
              let form = state.start else { return [] }
        let framework = state.frameworks[form.frameworkIndex]
        state.framework = framework
        var assessment: Assessment
        if let offer, let earlier = state.storeIndex?.entries[safe: offer],
           let full = state.storeIndex?.carryable[earlier.path] {
            assessment = Assessment(carryingForward: full, file: earlier.name, framework: framework, date: date,
                                    participants: participants)
        } else {
            assessment = Assessment(starting: framework, system: system, date: date, participants: participants)
        }
        assessment.attach(to: identity)
        assessment.place = place(state, form: form, systemID: identity.known?.id)
        // The form's established date, as shown there (carried or typed; blank: unknown), validated above.
        assessment.established = CalendarDate(establishedText(state, form: form).trimmingSpaces())
        if form.anonymous { assessment.makeAnonymous() }
        assessment.position = Step.overview(area: 0).position(in: framework)
        state.open(assessment, file: nil)
        return [.changed]
    }
}


extension WorkshopState {
    /// Opens the start screen renaming the known system `systemID` to `newName`, as the command line asked.
    public mutating func startRenaming(_ systemID: String, to newName: String) {
        guard var form = start, systems.system(id: systemID) != nil else { return }
        form.renaming = systemID
        form.system = TextField(newName, limit: form.system.limit)
        form.focus = .participants
        screen = .start(form)
    }

    /// Fills the start screen's place with `name`, as the command line gave it (checked when the
    /// workshop starts, as if typed).
    public mutating func presetPlace(_ name: String) {
        guard var form = start else { return }
        form.place = TextField(name, limit: form.place.limit)
        screen = .start(form)
    }

    /// Fills the start screen's established date with `text`, as the command line gave it (checked when
    /// the workshop starts, as if typed).
    public mutating func presetEstablished(_ text: String) {
        guard var form = start else { return }
        form.established = TextField(text, limit: form.established.limit)
        form.establishedEdited = true
        screen = .start(form)
    }
}
