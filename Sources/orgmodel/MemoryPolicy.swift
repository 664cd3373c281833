/// How this short-lived process asks glibc's allocator to manage memory.
///
/// By default glibc hands memory freed at the top of a heap back to the system, and makes
/// each block of more than a size it adjusts as it goes (up to 32 MB) a mapping of its own;
/// each time such memory is used again the system must supply fresh, zeroed pages, a fault
/// per page. Commands on a million posts make and free many such blocks (a YAML chunk,
/// a table, a findings list). So blocks up to 32 MB come from the heap and freed memory is
/// kept for the next ones: the process ends soon after, and the system takes all of it
/// back then.
enum MemoryPolicy {
    /// Blocks at least this large are still mappings of their own (a million posts' array),
    /// handed back as soon as they are freed.
    static let ownMappingFrom: Int32 = 32 << 20

    static func apply() {
        #if os(Linux)
            // M_MMAP_THRESHOLD (-3) and M_TRIM_THRESHOLD (-1).
            _ = glibcMallopt(-3, ownMappingFrom)
            _ = glibcMallopt(-1, Int32.max)
        #endif
    }
}

#if os(Linux)
    /// glibc's `mallopt(3)`, which its Swift module does not export (it is in `malloc.h`).
    @_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
