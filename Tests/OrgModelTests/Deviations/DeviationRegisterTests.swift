import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports

/// The design authority's register: each deviation's status, its precedence, and the four
/// formats, judged as of 2021-01-01.
@Suite struct DeviationRegisterTests {
    /// HOS-1 leads only SM-1-1 (a narrow span and a one-over-one manager); HOS-2 leads
    /// seven Service Managers and meets every rule. Each deviation is in a known state.
    static func structureText() -> String {
        var text = compliantYAML(extra: [
            "HOS-1": [
                "deviations:",
                // Covers span-narrow, agreed, review well ahead: current.
                "  - rule: span-narrow", "    rationale: A new service; grows to four Service Managers.",
                "    agreed_by: [SLT, HR]", "    agreed_on: 2020-09-30", "    review_by: 2022-06-30",
                // Covers one-over-one, agreed, review in 59 days: due.
                "  - rule: one-over-one", "    rationale: Interim, until the service grows.",
                "    agreed_by: [SLT, HR]", "    agreed_on: 2020-09-30", "    review_by: 2021-03-01",
                // A second span-narrow: unused, as it repeats the first.
                "  - rule: span-narrow", "    rationale: The same again.", "    agreed_by: [SLT, HR]",
                // SLT only, long past review, covering nothing: unagreed first.
                "  - rule: span-wide", "    rationale: In case it grows.", "    agreed_by: [SLT]",
                "    review_by: 2020-06-01",
            ],
            "HOS-2": [
                "deviations:",
                // Past review and covering nothing: expired comes before unused.
                "  - rule: tier-skip", "    rationale: A small service.", "    agreed_by: [SLT, HR]",
                "    agreed_on: 2019-01-01", "    review_by: 2020-12-31",
                // Agreed only after the day judged: unagreed.
                "  - rule: grade-same", "    rationale: To be agreed.", "    agreed_by: [SLT, HR]",
                "    agreed_on: 2021-02-01",
            ],
        ])
        for s in 2...4 {
            text = text.replacingOccurrences(
                of: "id: SM-1-\(s)\n    title: Service Manager\n    tier: 5\n    reports_to: HOS-1",
                with: "id: SM-1-\(s)\n    title: Service Manager\n    tier: 5\n    reports_to: HOS-2")
        }
        return text
    }

    static func register() throws -> DeviationRegister {
        var register = DeviationRegister(asOf: Fixtures.asOf)
        register.add(try Fixtures.yaml(structureText(), file: "deviations.yaml"), file: "deviations.yaml", rules: try Fixtures.rules)
        return register
    }

    @Test func eachDeviationGetsItsStatus() throws {
        let register = try Self.register()
        let statuses = register.entries.map { "\($0.post.rawValue) \($0.rule.rawValue) \($0.status.rawValue)" }
        #expect(
            statuses == [
                "HOS-1 span-narrow current", "HOS-1 one-over-one due", "HOS-1 span-narrow unused", "HOS-1 span-wide unagreed",
                "HOS-2 tier-skip expired", "HOS-2 grade-same unagreed",
            ])
        #expect(register.fails)
        #expect(DeviationStatus.allCases.map { register.count($0) } == [2, 1, 1, 1, 1])
    }

    @Test("The detail words every state, most urgent first")
    func detailNamesEveryState() throws {
        let entries = try Self.register().entries
        #expect(entries[0].detail == "")
        #expect(entries[1].detail == "review due in 59 days")
        #expect(entries[2].detail.hasPrefix("repeats another deviation from span-narrow for the post (line "))
        #expect(
            entries[3].detail == "not agreed by HR; review was due by 2020-06-01, 214 days ago; covers no finding: the post meets span-wide"
        )
        #expect(entries[4].detail == "review was due by 2020-12-31, 1 day ago; covers no finding: the post meets tier-skip")
        #expect(entries[5].detail.hasPrefix("agreed on 2021-02-01, after 2021-01-01"))
    }

    @Test("Entries carry the post, its title, the deviation's own line and its fields as written")
    func entriesCarryTheFields() throws {
        let register = try Self.register()
        let text = Self.structureText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = register.entries[0]
        #expect(first.file == "deviations.yaml")
        #expect(first.title == "Head of Service 1")
        #expect(lines[(first.line ?? 1) - 1].contains("- rule: span-narrow"))
        #expect(first.rationale == "A new service; grows to four Service Managers.")
        #expect(first.agreedBy == ["SLT", "HR"])
        #expect(first.agreedOn == Day(iso8601: "2020-09-30"))
        #expect(first.reviewBy == Day(iso8601: "2022-06-30"))
        #expect(register.entries.allSatisfy { $0.line != nil })
    }

    @Test("A review is due from the day judged to 90 days after it; a day later it is current")
    func dueWindowEdges() throws {
        let rules = try Fixtures.rules
        func status(review: String) -> DeviationStatus {
            let deviation = Deviation(rule: .spanNarrow, rationale: "Why.", agreedBy: ["SLT", "HR"], reviewBy: Day(iso8601: review))
            return DeviationRegister.judge(deviation, agreed: true, used: true, repeatsLine: nil, rules: rules, asOf: Fixtures.asOf).status
        }
        #expect(status(review: "2020-12-31") == .expired)
        #expect(status(review: "2021-01-01") == .due)
        #expect(status(review: "2021-04-01") == .due)  // 90 days on
        #expect(status(review: "2021-04-02") == .current)
        // Covering nothing outranks a review coming up: the deviation wants removing.
        let unusedAndDue = Deviation(rule: .spanNarrow, rationale: "Why.", agreedBy: ["SLT", "HR"], reviewBy: Day(iso8601: "2021-02-01"))
        let judged = DeviationRegister.judge(unusedAndDue, agreed: true, used: false, repeatsLine: nil, rules: rules, asOf: Fixtures.asOf)
        #expect(judged.status == .unused)
        #expect(judged.detail == "covers no finding: the post meets span-narrow; review due in 31 days")
    }

    @Test func precedenceIsTheOrderOfTheCases() {
        #expect(DeviationStatus.allCases == [.unagreed, .expired, .unused, .due, .current])
        #expect(DeviationStatus.allCases.filter(\.failsRegister) == [.unagreed, .expired])
    }

    @Test func daysAreCountedAcrossLeapYearsAndCenturies() throws {
        func day(_ text: String) throws -> Day { try #require(Day(iso8601: text)) }
        #expect(try day("1970-01-01").daysSinceEpoch == 0)
        #expect(try day("2021-01-01").daysSinceEpoch == 18_628)
        #expect(try day("1969-12-31").daysSinceEpoch == -1)
        #expect(try day("2024-02-28").days(until: day("2024-03-01")) == 2)
        #expect(try day("2100-02-28").days(until: day("2100-03-01")) == 1)
        #expect(try day("2000-02-28").days(until: day("2000-03-01")) == 2)
        #expect(try day("2021-03-01").days(until: day("2021-01-01")) == -59)
    }

    @Test func aStructureWithoutDeviationsAddsItsFileOnly() throws {
        var register = DeviationRegister(asOf: Fixtures.asOf)
        register.add(try Fixtures.yaml(compliantYAML()), file: "plain.yaml", rules: try Fixtures.rules)
        #expect(register.entries.isEmpty)
        #expect(register.files == ["plain.yaml"])
        #expect(!register.fails)
        #expect(register.text().contains("No post in the files has a deviation."))
        #expect(register.csv() == "file,line,post,title,rule,rationale,agreed_by,agreed_on,review_by,status,detail\n")
    }

    @Test func passingRegisterSaysSo() throws {
        var register = try Self.register()
        register.entries.removeAll { $0.status.failsRegister }
        #expect(!register.fails)
        #expect(register.verdict.hasPrefix("Passes"))
    }

    @Test("Every JSON entry has every key, snake_case, absent values null")
    func jsonShape() throws {
        let json = try Self.register().json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["as_of", "files", "deviations"])
        let entries = try #require(object["deviations"] as? [[String: Any]])
        #expect(entries.count == 6)
        for entry in entries {
            #expect(Set(entry.keys) == Set(DeviationRegister.csvHeader))
        }
        #expect(entries[5]["review_by"] is NSNull)
        #expect(entries[0]["agreed_by"] as? [String] == ["SLT", "HR"])
    }

    @Test("A rationale holding commas, quotes and a formula stays one CSV cell, guarded")
    func csvCells() throws {
        var register = DeviationRegister(asOf: Fixtures.asOf)
        register.entries = [
            .init(
                file: "a.yaml", line: 3, post: "P", title: "=HYPERLINK(\"x\")", rule: .spanNarrow, rationale: "One, \"two\"",
                agreedBy: ["SLT", "HR"], agreedOn: nil, reviewBy: nil, status: .current, detail: "")
        ]
        #expect(
            register.csv().split(separator: "\n")[1] == #"a.yaml,3,P,"'=HYPERLINK(""x"")",span-narrow,"One, ""two""",SLT; HR,,,current,"#)
    }

    @Test func goldenFiles() throws {
        let register = try Self.register()
        try Fixtures.expectGolden(register.text(), "deviations-register.txt")
        try Fixtures.expectGolden(register.markdown(), "deviations-register.md")
        try Fixtures.expectGolden(register.csv(), "deviations-register.csv")
        try Fixtures.expectGolden(try register.json(), "deviations-register.json")
    }
}
