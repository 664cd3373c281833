/// How this short-lived process asks glibc's allocator to manage memory.
///
/// By default glibc hands memory freed at the top of a heap back to the system, makes each
/// block of more than a size it adjusts as it goes (up to 32 MB) a mapping of its own, and
/// grows a heap 128 KiB at a time. Each time such memory is used again the system must
/// supply fresh, zeroed pages, a fault a page. Commands on a million posts make and free
/// many large blocks (a YAML chunk, a table, a findings list). So every block comes from a
/// heap, freed memory is kept for the next blocks, and heaps grow in large steps: the
/// process ends soon after, and the system takes all of it back then.
enum MemoryPolicy {
    /// How much a heap grows by when it must grow: at 128 KiB, a million posts' strings grew
    /// the heaps of the threads that read a CSV's parts a thousand times, each a call into
    /// the system that changes the memory map both threads use. Pages are still only taken
    /// as they are used.
    static let growthStep: Int32 = 64 << 20

    // Measured, each run in turn with the build before, 1,000,002 posts unless said:
    // - blocks up to 32 MB from the heap, nothing trimmed: `delayer` 2.97–3.39 s against
    //   3.19–3.54 s, within the spread; `validate` 8 MiB and `compare` 70 MiB more at the peak;
    // - heaps grown 64 MB at a time: `validate` 0.55 s against 0.60 s, of 3,000,007 posts
    //   1.77 s against 1.84 s; `analyse --format csv` 0.505 s against 0.520 s;
    // - no block a mapping of its own (at 3,000,000 posts several tables pass 32 MB, where
    //   at 1,000,000 none does, so time grew faster than the posts): `validate` of 3,000,007
    //   posts 1.65 s against 1.78 s and 1,212 MiB against 1,175 MiB at the peak; at 1,000,002
    //   posts the same time; `analyse --format csv` 0.485 s against 0.510 s; `compare` 1.48 s
    //   against 1.54 s, 28 MB more at its peak.
    static func apply() {
        #if os(Linux)
            // M_MMAP_MAX (-4): no block is a mapping of its own. M_TRIM_THRESHOLD (-1):
            // nothing handed back. M_TOP_PAD (-2): each heap grows by `growthStep`.
            _ = glibcMallopt(-4, 0)
            _ = glibcMallopt(-1, Int32.max)
            _ = glibcMallopt(-2, growthStep)
        #endif
    }
}

#if os(Linux)
    /// glibc's `mallopt(3)`, which its Swift module does not export (it is in `malloc.h`).
    @_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
