/// Large values a command is done with, left for the operating system to take back when
/// the process ends rather than freed one object at a time: a million posts or two million
/// findings take a quarter of a second or more to release, and nothing reads them again.
enum KeptUntilExit {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Holds `value` (and so all it refers to) until the process exits: one retain that is
    /// never released.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
