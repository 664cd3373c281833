import Testing

@testable import OrgModel

@Suite("Organogram import")
struct OrganogramImporterTests {
    @Test("Senior rows become posts: XX the top, N/D no holder, Vacant vacant, tiers from SCS grades")
    func seniorPosts() throws {
        let result = try OrganogramFixtures.run()
        #expect(result.rejected.isEmpty)
        let s = result.structure
        #expect(s.organisation == "Department for Examples")
        #expect(s.name == "Department for Examples organogram")
        #expect(s.state == .current)
        let byID = Dictionary(uniqueKeysWithValues: s.posts.map { ($0.id, $0) })
        let top = try #require(byID["EX-001"])
        #expect(top.reportsTo == nil)
        #expect(top.holder == "Avery Quillon")
        #expect(top.tier == 1)
        #expect(top.grade == "SCS4")
        #expect(top.title == "Permanent Secretary")
        #expect(top.service == "Private Office")
        #expect(top.fte == 1)
        #expect(top.line == 2)
        // Published columns under their published names; the unnamed column left out;
        // Organisation (the structure's) and Parent Department (the same) not repeated.
        #expect(
            top.attributes.map(\.name) == [
                "Job/Team Function", "Contact Phone", "Contact E-mail", "Salary Cost of Reports (£)", "Actual Pay Floor (£)",
                "Actual Pay Ceiling (£)", "Professional/Occupational Group", "Valid?", "URI", "source_file", "source_line",
            ])
        let dg = try #require(byID["EX-002"])
        #expect(dg.holder == nil)
        #expect(!dg.isVacant)
        #expect(dg.tier == 2)
        #expect(dg.attributes.first == Attribute(name: "Job/Team Function", value: "Runs services, including \"front door\" work"))
        // "N/D" contact details are what the writer writes for none: not kept.
        #expect(!dg.attributes.contains { $0.name == "Contact Phone" || $0.name == "Contact E-mail" })
        // The format's own unnamed column is empty here: no note about it.
        #expect(!result.notes.contains { $0.contains("no name in the header") })
        let director = try #require(byID["EX-003"])
        #expect(director.isVacant)
        #expect(director.holder == nil)
        #expect(director.tier == 3)
        let adviser = try #require(byID["EX-007"])
        #expect(adviser.tier == nil)
        #expect(
            result.notes.contains(
                "1 senior post has a grade the tier table does not list (Chief Scientific Adviser): no tier; give a tiers: table with --map"
            ))
    }

    @Test("An Eliminated post is left out; what reported to it moves up to its manager, with a note")
    func eliminated() throws {
        let result = try OrganogramFixtures.run()
        let s = result.structure
        #expect(!s.posts.contains { $0.id == "EX-004" })
        #expect(s.posts.first { $0.id == "EX-005" }?.reportsTo == "EX-002")
        #expect(s.posts.first { $0.id == "EX-004-J1" }?.reportsTo == "EX-002")
        #expect(
            result.notes.first
                == "EX-004 (senior.csv:5) is Eliminated: left out; 1 post and 1 junior line that reported to it now report to EX-002")
    }

    @Test("A repeated Post Unique Reference is a job share: one post, a count of its holders, FTE summed, holders listed")
    func jobShare() throws {
        let result = try OrganogramFixtures.run()
        let shares = result.structure.posts.filter { $0.id == "EX-006" }
        #expect(shares.count == 1)
        let share = try #require(shares.first)
        #expect(share.holder == "Cass Umber; Dale Verity")
        #expect(share.fte == 1)
        #expect(share.count == 2)
        #expect(share.attributes.first { $0.name == "Job share FTE" }?.value == "0.6; 0.4")
        #expect(share.attributes.first { $0.name == "Contact Phone" }?.value == "0300 000 0006; 0300 000 0007")
        // It sits in another organisation than the department: that is kept.
        #expect(share.attributes.first { $0.name == "Organisation" }?.value == "Executive Agency for Examples")
    }

    @Test("A job share of two near full-time holders: count 2, FTE at the published precision, and it loads back")
    func jobShareLoadsBack() throws {
        var rows = OrganogramFixtures.seniorRows
        rows[5] = rows[5].replacingOccurrences(of: #""90000","0.6""#, with: #""90000","0.8""#)
        rows[6] = rows[6].replacingOccurrences(of: #""90000","0.4""#, with: #""90000","0.88""#)
        let result = try OrganogramFixtures.run(senior: OrganogramFixtures.senior(rows))
        #expect(result.rejected.isEmpty)
        let share = try #require(result.structure.posts.first { $0.id == "EX-006" })
        #expect(share.count == 2)
        #expect(share.fte == 1.68)
        let yaml = StructureYAMLWriter().write(result.structure)
        #expect(yaml.contains("fte: 1.68\n"))
        let back = try RoundTrip.yaml(yaml)
        #expect(RoundTrip.firstDifference(result.structure, back) == nil)
    }

    @Test("Junior rows become establishment lines: FTE as given, count rounded up")
    func juniorLines() throws {
        let s = try OrganogramFixtures.run().structure
        let lines = s.posts.filter { $0.id.rawValue.contains("-J") }
        #expect(lines.map(\.id) == ["EX-005-J1", "EX-005-J2", "EX-004-J1", "EX-006-J1"])
        let caseworkers = lines[0]
        #expect(caseworkers.title == "Caseworker")
        #expect(caseworkers.grade == "EO")
        #expect(caseworkers.fte == 12.5)
        #expect(caseworkers.count == 13)
        #expect(caseworkers.tier == nil)
        #expect(caseworkers.holder == nil)
        #expect(caseworkers.service == "Casework")
        #expect(
            caseworkers.attributes == [
                Attribute(name: "Payscale Minimum (£)", value: "25000"), Attribute(name: "Payscale Maximum (£)", value: "30000"),
                Attribute(name: "Professional/Occupational Group", value: "Operational Delivery"),
                Attribute(name: "source_file", value: "f"), Attribute(name: "source_line", value: "j1"),
            ])
        #expect(lines[1].count == 3)
        #expect(lines[3].fte == 0.8)
        #expect(lines[3].count == 1)
        // Under the agency's job share, the organisation is inherited, not repeated.
        #expect(!lines[3].attributes.contains { $0.name == "Organisation" })
    }

    @Test("The converted variant: leading index column, \"Grade\", unquoted fields")
    func convertedVariant() throws {
        let result = try OrganogramFixtures.run(senior: OrganogramFixtures.convertedSenior(), junior: OrganogramFixtures.convertedJunior())
        #expect(result.rejected.isEmpty)
        let s = result.structure
        #expect(s.posts.map(\.id) == ["CV-1", "CV-2", "CV-2-J1", "CV-2-J2"])
        #expect(s.posts[0].grade == "SCS3")
        #expect(s.posts[0].tier == 2)
        #expect(s.posts[1].attributes.first == Attribute(name: "Job/Team Function", value: "Does things, several"))
        #expect(s.posts[2].fte == 3.8)
        #expect(s.posts[2].count == 4)
        #expect(result.notes.contains("columns 1, 17 of senior.csv have no name in the header: left out"))
        #expect(result.notes.contains("column 1 of junior.csv has no name in the header: left out"))
        #expect(result.notes.contains("2 junior lines have a fractional FTE: count is the FTE rounded up"))
    }

    @Test("A grade → tier table from the mapping replaces the default")
    func customTiers() throws {
        let tiers = GradeTierTable([.init(grade: "SCS4", tier: 2), .init(grade: "Chief Scientific Adviser", tier: 3)])
        let s = try OrganogramFixtures.run(tiers: tiers).structure
        #expect(s.posts.first { $0.id == "EX-001" }?.tier == 2)
        #expect(s.posts.first { $0.id == "EX-007" }?.tier == 3)
        #expect(s.posts.first { $0.id == "EX-002" }?.tier == nil)
    }

    @Test("Bad rows in either file are listed; the reject files hold them unchanged")
    func badRows() throws {
        var senior = OrganogramFixtures.seniorRows
        senior.append(
            #""EX-008","Gil Xander","SCS1","Deputy Director","","D","D","U","N/D","N/D","EX-404","0","1","1","1","","P","","1","u","f","p""#
        )
        senior.append(
            #""","Hal Yew","SCS1","No reference","","D","D","U","N/D","N/D","EX-001","0","two","1","1","","P","","1","u","f","p""#)
        senior.append(
            #""EX-009","Ivy Zest","SCS1","Under a bad row","","D","D","U","N/D","N/D","EX-008","0","1","1","1","","P","","1","u","f","p""#)
        var junior = OrganogramFixtures.juniorRows
        junior.append(#""D","D","U","EX-404","EO","1","2","Lost","1","P","f","j""#)
        junior.append(#""D","D","U","EX-005","EO","1","2","Unparsable","lots","P","f","j""#)
        let result = try OrganogramFixtures.run(senior: OrganogramFixtures.senior(senior), junior: OrganogramFixtures.junior(junior))
        #expect(
            result.rejected.map(\.description) == [
                "senior.csv:10: Reports to Senior Post \"EX-404\" is not a Post Unique Reference in senior.csv",
                "senior.csv:11: Post Unique Reference is empty; FTE must be a number, not \"two\" (write digits, such as 0.5 or £42,000.50)",
                "senior.csv:12: reports to EX-008, whose row (line 10) is rejected",
                "junior.csv:6: Reporting Senior Post \"EX-404\" is not a Post Unique Reference in senior.csv",
                "junior.csv:7: Number of Posts in FTE must be a number, not \"lots\" (write digits, such as 0.5 or £42,000.50)",
            ])
        #expect(result.rejectFiles.map(\.source) == ["senior.csv", "junior.csv"])
        #expect(result.rejectFiles.map(\.rowCount) == [3, 2])
        let expected = OrganogramFixtures.juniorHeader + "\r\n" + junior[4] + "\r\n" + junior[5] + "\r\n"
        #expect(result.rejectFiles[1].bytes == Array(expected.utf8))
    }

    @Test("Files given the wrong way round, or not organograms, are refused with a hint")
    func wrongFiles() throws {
        do {
            _ = try OrganogramFixtures.run(senior: OrganogramFixtures.junior(), junior: OrganogramFixtures.senior())
            Issue.record("accepted swapped files")
        } catch {
            #expect(error.file == "senior.csv")
            #expect(error.hint == "this looks like the junior file: give the senior file first, then the junior")
        }
        do {
            _ = try OrganogramFixtures.run(senior: Array("id,title\nA,B\n".utf8), junior: nil)
            Issue.record("accepted a structure file")
        } catch {
            #expect(error.message.hasSuffix("not an organogram senior file"))
        }
    }

    @Test("A Windows-1252 file with £ in its headers reads")
    func windows1252() throws {
        let text = String(decoding: OrganogramFixtures.senior(), as: UTF8.self)
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar == "£" { bytes.append(0xA3) } else { bytes += Array(String(scalar).utf8) }
        }
        let s = try OrganogramFixtures.run(senior: bytes, junior: nil).structure
        #expect(s.posts.first?.attributes.contains(Attribute(name: "Actual Pay Floor (£)", value: "160000")) == true)
    }

    @Test("The Senior Civil Service table reads the usual spellings")
    func scsTable() {
        let table = GradeTierTable.seniorCivilService
        #expect(table.tier(for: "SCS 1") == 4)
        #expect(table.tier(for: "scs1a") == 4)
        #expect(table.tier(for: "SCS Pay Band 2") == 3)
        #expect(table.tier(for: "SCS3") == 2)
        #expect(table.tier(for: "SCS4") == 1)
        #expect(table.tier(for: "G7") == nil)
    }

    @Test("ND and Not disclosed in the Name column mean no holder, as N/D does", arguments: ["N/D", "ND", "nd", "Not Disclosed"])
    func notDisclosedSpellings(name: String) throws {
        let header = OrganogramFormat.seniorColumns.map { $0.isEmpty ? "" : "\"\($0)\"" }.joined(separator: ",")
        func row(_ id: String, _ name: String, _ boss: String) -> String {
            [id, name, "SCS2", "Director", "", "Dept", "Dept", "Unit", "N/D", "N/D", boss, "N/D", "1", "N/D", "N/D", "", "", "", "1"]
                .joined(separator: ",")
        }
        let senior = [header, row("1", "Ann Example", "XX"), row("2", name, "1")].joined(separator: "\n") + "\n"
        let result = try OrganogramImporter().importFiles(senior: Array(senior.utf8), seniorFile: "s.csv", junior: nil, juniorFile: nil)
        let post = try #require(result.structure.posts.first { $0.id == "2" })
        #expect(post.holder == nil)
        #expect(!post.isVacant)
    }
}
