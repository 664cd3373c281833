import Foundation
import Testing

/// `orgmodel deviations` run as a user would: the bundled structures' register, and
/// registers that fail.
@Suite("deviations end to end")
struct DeviationsEndToEndTests {
    static let bundled = [
        "childrens-services-redesign-current.yaml", "childrens-services-redesign-proposed.yaml",
        "county-childrens-social-care-current.yaml", "county-childrens-social-care-proposed.yaml",
    ].map(OrgModelBinary.structure)

    /// Writes `text` to a fresh folder as `name`, for one test.
    static func file(_ name: String, _ text: String) throws -> (folder: URL, path: String) {
        let folder = try OrgModelBinary.temporaryDirectory()
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return (folder, url.path)
    }

    /// HOS leads two Service Managers (a narrow span) under a deviation given by `lines`.
    static func narrowHead(_ lines: [String]) -> String {
        var text = """
            name: Small
            rules: childrens-social-care
            posts:
              - id: ED
                title: Executive Director
                tier: 2
              - id: HOS
                title: Head of Service
                tier: 4
                reports_to: ED
                deviations:

            """
        text += lines.map { "      " + $0 + "\n" }.joined()
        for s in 1...2 {
            text += """
                  - id: SM-\(s)
                    title: Service Manager
                    tier: 5
                    reports_to: HOS
                    count: 1

                """
        }
        return text
    }

    @Test("The bundled structures' deviations are all current in November 2026")
    func bundledRegister() throws {
        let run = try OrgModelBinary.run(["deviations", "--as-of", "2026-11-22"] + Self.bundled)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Deviation register as of 2026-11-22\n"))
        #expect(run.stdout.contains("Deviations: 4: 0 unagreed, 0 expired, 0 unused, 0 due, 4 current"))
        #expect(run.stdout.contains("HOS-FA"))
        #expect(run.stdout.contains("Passes: every deviation is agreed and within its review date."))

        let json = try OrgModelBinary.run(["deviations", "--as-of", "2026-11-22", "--format", "json"] + Self.bundled)
        #expect(json.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["deviations"] as? [[String: Any]])
        #expect(entries.map { $0["post"] as? String } == ["SM-AFS", "SM-LAC", "SM-LAC", "HOS-FA"])
        let county = try #require(entries.last)
        #expect(county["file"] as? String == Self.bundled[3])
        #expect(county["line"] as? Int == 574)
        #expect(county["rule"] as? String == "span-narrow")
        #expect(county["agreed_by"] as? [String] == ["SLT", "HR"])
        #expect(county["agreed_on"] as? String == "2020-09-17")
        #expect(county["review_by"] as? String == "2027-03-31")
        #expect(county["status"] as? String == "current")
        #expect((county["rationale"] as? String)?.hasPrefix("Fostering, adoption and residential care") == true)
    }

    @Test("As the review dates come near they are due; once passed, expired and failing")
    func reviewDates() throws {
        let due = try OrgModelBinary.run(["deviations", "--as-of", "2027-01-01", "--format", "csv"] + Self.bundled)
        #expect(due.exitCode == 0, "\(due.stderr)")
        let rows = due.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.contains(",due,review due in 89 days") })

        let expired = try OrgModelBinary.run(["deviations", "--as-of", "2027-04-01", "--format", "markdown"] + Self.bundled)
        #expect(expired.exitCode == 1)
        #expect(expired.stdout.hasPrefix("# Deviation register as of 2027-04-01\n"))
        #expect(expired.stdout.contains("| expired | HOS-FA |"))
        #expect(expired.stdout.contains("Fails: 4 deviations past review."))
    }

    @Test("An unagreed deviation fails the register; an unused or due one does not")
    func syntheticCases() throws {
        let unagreed = try Self.file(
            "unagreed.yaml", Self.narrowHead(["- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT]"]))
        defer { try? FileManager.default.removeItem(at: unagreed.folder) }
        let run = try OrgModelBinary.run(["deviations", "--as-of", "2026-11-22", unagreed.path])
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("unagreed  HOS   Head of Service  span-narrow  SLT"))
        #expect(run.stdout.contains("not agreed by HR"))
        #expect(run.stdout.contains("\(unagreed.path):12"))

        let noRationale = try Self.file("bare.yaml", Self.narrowHead(["- rule: span-narrow", "  agreed_by: [SLT, HR]"]))
        defer { try? FileManager.default.removeItem(at: noRationale.folder) }
        let bare = try OrgModelBinary.run(["deviations", "--as-of", "2026-11-22", "--format", "json", noRationale.path])
        #expect(bare.exitCode == 1)
        #expect(bare.stdout.contains(#""status" : "unagreed""#))
        #expect(bare.stdout.contains(#""rationale" : null"#))

        let unused = try Self.file(
            "unused.yaml",
            Self.narrowHead([
                "- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT, HR]", "  review_by: 2026-12-01",
                "- rule: span-wide", "  rationale: In case.", "  agreed_by: [SLT, HR]",
            ]))
        defer { try? FileManager.default.removeItem(at: unused.folder) }
        let fine = try OrgModelBinary.run(["deviations", "--as-of", "2026-11-22", "--format", "csv", unused.path])
        #expect(fine.exitCode == 0, "\(fine.stderr)")
        #expect(fine.stdout.contains(",span-narrow,Growing.,SLT; HR,,2026-12-01,due,review due in 9 days\n"))
        #expect(fine.stdout.contains(",span-wide,In case.,SLT; HR,,,unused,covers no finding: the post meets span-wide\n"))
    }

    @Test("A file that cannot be read is named and exits 2; the others are still listed")
    func unreadableInput() throws {
        let run = try OrgModelBinary.run(["deviations", "--as-of", "2026-11-22", "missing.yaml", Self.bundled[3]])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("missing.yaml"))
        #expect(run.stdout.contains("HOS-FA"))

        let broken = try Self.file("broken.yaml", "name: Broken\nposts:\n  - id: A\n    tier: two\n")
        defer { try? FileManager.default.removeItem(at: broken.folder) }
        let bad = try OrgModelBinary.run(["deviations", broken.path])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("broken.yaml:4"), "\(bad.stderr)")
    }

    @Test("A wrong command line exits 64")
    func usage() throws {
        #expect(try OrgModelBinary.run(["deviations"]).exitCode == 64)
        #expect(try OrgModelBinary.run(["deviations", "--as-of", "2026-02-30", Self.bundled[3]]).exitCode == 64)
        #expect(try OrgModelBinary.run(["deviations", "--format", "html", Self.bundled[3]]).exitCode == 64)
    }

    @Test("The same files give the same bytes")
    func deterministic() throws {
        let arguments = ["deviations", "--as-of", "2026-11-22", "--format", "json"] + Self.bundled
        #expect(try OrgModelBinary.run(arguments).stdout == OrgModelBinary.run(arguments).stdout)
    }
}
