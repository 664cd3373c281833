import Testing

@testable import OrgModel
@testable import OrgSupport

@Suite("Plural")
struct PluralTests {
    @Test("Counts as plain digits, grouped, or the noun alone; one is singular, zero and others plural")
    func words() {
        #expect(Plural.count(1, "error") == "1 error")
        #expect(Plural.count(0, "error") == "0 errors")
        #expect(Plural.count(1234, "bad row") == "1234 bad rows")
        #expect(Plural.count(-1, "step") == "-1 steps")
        #expect(Plural.grouped(1, "post") == "1 post")
        #expect(Plural.grouped(1234, "post") == "1,234 posts")
        #expect(Plural.count(2, "child", "children") == "2 children")
        #expect(Plural.count(1, "child", "children") == "1 child")
        #expect(Plural.grouped(25_000, "person", "people") == "25,000 people")
        #expect(Plural.noun(1, "File") == "File")
        #expect(Plural.noun(3, "File") == "Files")
    }
}
