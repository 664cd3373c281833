/// Memory handed to the threads of `DispatchQueue.concurrentPerform`, each of which writes
/// only its own stretch of it: what makes that safe is the caller's division of the work.
package struct SharedPointer<Element>: @unchecked Sendable {
    package let pointer: UnsafeMutablePointer<Element>
    package init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
}
