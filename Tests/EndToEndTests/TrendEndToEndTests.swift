import Foundation
import Testing

/// `orgmodel trend` run as a user runs it: small snapshot files written here, given out
/// of order, in every format; bad snapshots refused with the file named; and, when the
/// published series sits beside the clone, the Department for International Development's.
@Suite("orgmodel trend, end to end")
struct TrendEndToEndTests {
    /// A snapshot: a chief executive, a director, `heads` heads of service between the
    /// director and two managers when `heads` is true, and two teams of four.
    static func snapshot(_ effective: String?, withHead: Bool, topID: String = "CEO") -> String {
        var lines = ["name: Sample body", "organisation: Sample Body"]
        if let effective { lines.append("effective: \(effective)") }
        lines.append("posts:")
        func post(_ id: String, _ title: String, _ boss: String?, count: Int = 1) {
            lines.append("  - id: \(id)")
            lines.append("    title: \(title)")
            if let boss { lines.append("    reports_to: \(boss)") }
            if count > 1 { lines.append("    count: \(count)") }
        }
        post(topID, "Chief Executive", nil)
        post("DIR", "Director", topID)
        let managerBoss = withHead ? "HEAD" : "DIR"
        if withHead { post("HEAD", "Head of Service", "DIR") }
        post("M1", "Manager", managerBoss)
        post("M2", "Manager", managerBoss)
        post("T1", "Officer", "M1", count: 4)
        post("T2", "Officer", "M2", count: 4)
        return lines.joined(separator: "\n") + "\n"
    }

    static func write(_ folder: URL, _ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Snapshots given out of order come out in date order, in every format; -o picks the format")
    func formats() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let late = try Self.write(folder, "late.yaml", Self.snapshot("2022-03-31", withHead: true))
        let early = try Self.write(folder, "early.yaml", Self.snapshot("2021-03-31", withHead: false))
        let table = try OrgModelBinary.run(["trend", late, early], in: folder)
        #expect(table.exitCode == 0, "\(table.stderr)")
        #expect(table.stderr.isEmpty)
        #expect(table.stdout.hasPrefix("Trend: Sample Body\n"))
        let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix("2021-") || $0.hasPrefix("2022-") }
        #expect(rows.first?.hasPrefix("2021-03-31      6") == true)
        #expect(table.stdout.contains("2022-03-31 layer-creep: management layers 4, up from 3 on 2021-03-31"))
        #expect(table.stdout.contains("2022-03-31 span-compression: mean span 2.4, down 12.7% from 2.75 on 2021-03-31"))

        let json = try OrgModelBinary.run(["trend", late, early, "--format", "json"], in: folder)
        #expect(json.exitCode == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let snapshots = try #require(object?["snapshots"] as? [[String: Any]])
        #expect(snapshots.map { $0["effective"] as? String } == ["2021-03-31", "2022-03-31"])
        #expect(snapshots.map { $0["file"] as? String } == [early, late])
        #expect(snapshots[1]["flags"] as? [String] == ["layer-creep", "span-compression"])
        let changes = snapshots[1]["changes_from_previous"] as? [String: Any]
        #expect(changes?["created"] as? Int == 1 && changes?["moved"] as? Int == 2 && changes?["deleted"] as? Int == 0)

        let csvPath = folder.appendingPathComponent("trend.csv").path
        let csv = try OrgModelBinary.run(["trend", late, early, "-o", csvPath], in: folder)
        #expect(csv.exitCode == 0, "\(csv.stderr)")
        let written = try String(contentsOfFile: csvPath, encoding: .utf8)
        #expect(written.hasPrefix("file,effective,posts,headcount,fte,manager_posts,management_layers,"))
        #expect(written.split(separator: "\n").count == 3)

        let mdPath = folder.appendingPathComponent("trend.md").path
        let markdown = try OrgModelBinary.run(["trend", late, early, "-o", mdPath], in: folder)
        #expect(markdown.exitCode == 0, "\(markdown.stderr)")
        #expect(try String(contentsOfFile: mdPath, encoding: .utf8).hasPrefix("# Trend: Sample Body\n"))

        // The same files in the same order twice: byte-identical.
        let again = try OrgModelBinary.run(["trend", early, late], in: folder)
        #expect(again.stdout == table.stdout)
    }

    @Test("-o trend.svg and trend.pdf draw the figures over time, the same bytes every run")
    func chart() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let early = try Self.write(folder, "early.yaml", Self.snapshot("2021-03-31", withHead: false))
        let late = try Self.write(folder, "late.yaml", Self.snapshot("2022-03-31", withHead: true))
        let svgPath = folder.appendingPathComponent("trend.svg").path
        let svg = try OrgModelBinary.run(["trend", late, early, "-o", svgPath], in: folder)
        #expect(svg.exitCode == 0, "\(svg.stderr)")
        let drawn = try String(contentsOfFile: svgPath, encoding: .utf8)
        #expect(drawn.contains("<svg"))
        for text in [
            "Trend: Sample Body", "Posts", "Headcount", "Manager posts", "Management layers", "Mean span",
            "2021&#45;03&#45;31", "2022&#45;03&#45;31", "layer&#45;creep, span&#45;compression", ">2.4<", ">2.8<", ">13<",
        ] {
            #expect(drawn.contains(text), "the chart lacks \(text)")
        }
        let again = try OrgModelBinary.run(["trend", early, late, "--format", "svg"], in: folder)
        #expect(again.exitCode == 0 && again.stdout == drawn)

        let pdfPath = folder.appendingPathComponent("trend.pdf").path
        let pdf = try OrgModelBinary.run(["trend", early, late, "-o", pdfPath], in: folder)
        #expect(pdf.exitCode == 0, "\(pdf.stderr)")
        let first = try Data(contentsOf: URL(fileURLWithPath: pdfPath))
        #expect(first.starts(with: Data("%PDF".utf8)))
        _ = try OrgModelBinary.run(["trend", early, late, "-o", pdfPath], in: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdfPath)) == first)
    }

    @Test("A snapshot without a date, or two of one date, is refused naming the files (exit 2); nothing written")
    func refused() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dated = try Self.write(folder, "dated.yaml", Self.snapshot("2021-03-31", withHead: false))
        let undated = try Self.write(folder, "undated.yaml", Self.snapshot(nil, withHead: true))
        let twin = try Self.write(folder, "twin.yaml", Self.snapshot("2021-03-31", withHead: true))
        let out = folder.appendingPathComponent("trend.txt").path
        let run = try OrgModelBinary.run(["trend", dated, undated, twin, "-o", out], in: folder)
        #expect(run.exitCode == 2)
        #expect(
            run.stderr.contains(
                "orgmodel: \(undated): no effective date, so its place in the series is unknown: add `effective: YYYY-MM-DD` to the file, or import it again with --effective DATE\n"
            ))
        #expect(
            run.stderr.contains(
                "orgmodel: \(dated) and \(twin) are both effective 2021-03-31: give each snapshot its own date (`effective:`), or leave one of them out\n"
            ))
        #expect(!FileManager.default.fileExists(atPath: out))

        let missing = try OrgModelBinary.run(["trend", dated, folder.appendingPathComponent("gone.yaml").path], in: folder)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("gone.yaml: no such file"))
    }

    @Test("The command line: one file, or a file named for a format trend does not write, is a usage error (64)")
    func usage() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try Self.write(folder, "one.yaml", Self.snapshot("2021-03-31", withHead: false))
        let two = try Self.write(folder, "two.yaml", Self.snapshot("2021-09-30", withHead: false))
        let alone = try OrgModelBinary.run(["trend", one], in: folder)
        #expect(alone.exitCode == 64)
        #expect(alone.stderr.contains("give two or more snapshots of one organisation"))
        let yaml = try OrgModelBinary.run(["trend", one, two, "-o", "trend.yaml"], in: folder)
        #expect(yaml.exitCode == 64)
        #expect(
            yaml.stderr.contains("this report is not written as .yaml (trend.yaml): name the file .txt, .md, .json, .csv, .svg or .pdf"))
        let badMatch = try OrgModelBinary.run(["trend", one, two, "--match-ids", "fuzzy"], in: folder)
        #expect(badMatch.exitCode == 64)
    }

    @Test("--match-ids case reads a top post whose id changed case as the same post")
    func matchIDs() throws {
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.write(folder, "before.yaml", Self.snapshot("2021-03-31", withHead: false, topID: "CEO"))
        let after = try Self.write(folder, "after.yaml", Self.snapshot("2021-09-30", withHead: false, topID: "ceo"))
        func changes(_ matching: String) throws -> [String: Any]? {
            let run = try OrgModelBinary.run(["trend", before, after, "--format", "json", "--match-ids", matching], in: folder)
            #expect(run.exitCode == 0, "\(run.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (object?["snapshots"] as? [[String: Any]])?.last?["changes_from_previous"] as? [String: Any]
        }
        let exact = try changes("exact")
        #expect(exact?["deleted"] as? Int == 1 && exact?["created"] as? Int == 1)
        let byCase = try changes("case")
        #expect(byCase?["deleted"] as? Int == 0 && byCase?["created"] as? Int == 0 && byCase?["moved"] as? Int == 0)
        let notes = byCase?["notes"] as? [[String: Any]]
        #expect(
            notes?.map { $0["message"] as? String } == [
                "1 post matched only under --match-ids case, their ids differing in form: CEO as ceo"
            ])
        #expect(notes?.first?["code"] as? String == "compare.matched-in-another-form")
        let arguments = notes?.first?["arguments"] as? [String: Any]
        #expect(arguments?["posts"] as? Int == 1 && arguments?["matching"] as? String == "case")
        #expect(arguments?["examples"] as? [String] == ["CEO as ceo"])
    }

    static let series = OrgModelBinary.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/samples/organogram/series")

    @Test("The Department for International Development's published series imports and trends")
    func internationalDevelopment() throws {
        let dates = ["2011-03-31", "2011-09-30", "2013-03-31", "2013-09-30", "2014-03-31", "2014-09-30"]
        let prefix = Self.series.appendingPathComponent("department_for_international_development-").path
        guard dates.allSatisfy({ FileManager.default.fileExists(atPath: prefix + $0 + "-senior.csv") }) else {
            print(
                "note: skipped: no Department for International Development series in \(Self.series.path) (the shared folder beside the clone)"
            )
            return
        }
        let folder = try OrgModelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for date in dates {
            let out = "dfid-\(date).yaml"
            // 2013-03-31 has two rows with shifted columns: set aside, into a reject file beside the output.
            let run = try OrgModelBinary.run(
                ["import", "--organogram", prefix + date + "-senior.csv", prefix + date + "-junior.csv", "-o", out, "--skip-bad-rows"],
                in: folder)
            #expect(run.exitCode == 0, "\(run.stderr)")
            files.append(out)
        }
        let run = try OrgModelBinary.run(["trend"] + files.reversed() + ["--format", "json", "--match-ids", "loose"], in: folder)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let snapshots = try #require(object?["snapshots"] as? [[String: Any]])
        #expect(snapshots.map { $0["effective"] as? String } == dates)
        #expect(snapshots.map { $0["posts"] as? Int } == [349, 338, 379, 461, 141, 776])
        // 2014-03-31 is a fraction of the publications either side of it.
        #expect(snapshots[4]["flags"] as? [String] == ["partial"])
        #expect(snapshots[0]["changes_from_previous"] is NSNull)
        let table = try OrgModelBinary.run(["trend"] + files + ["--match-ids", "loose"], in: folder)
        #expect(table.exitCode == 0, "\(table.stderr)")
        #expect(table.stdout.contains("2014-03-31 partial: 141 posts, from 461 on 2013-09-30 and back to 776 on 2014-09-30"))
    }
}
