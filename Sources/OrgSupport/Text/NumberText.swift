/// Numbers as structure files write them: whole numbers without a decimal point, others
/// in the shortest form that reads back to the same value.
package enum NumberText {
    package static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
