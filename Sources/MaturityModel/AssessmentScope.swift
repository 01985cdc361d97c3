extension Assessment {
    /// The system's name and, for an assessment of a place, the place's: "West Yorkshire ICS · Leeds".
    public var scopeName: String {
        place.map { "\(system) · \($0)" } ?? system
    }
}
