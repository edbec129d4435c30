extension Duration {
    /// Whole milliseconds, as the commands report their timings (`build` and `serve` print them;
    /// a fraction of a millisecond is noise there).
    public var wholeMilliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
