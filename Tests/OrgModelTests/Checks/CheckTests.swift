import Testing

@testable import OrgModel

/// Every check, on a structure that triggers it and on one that does not.
@Suite struct CheckTests {
    @Test func compliantStructureHasNoFindings() throws {
        let findings = try Fixtures.findings(compliantYAML())
        #expect(findings.isEmpty, "\(Fixtures.pairs(findings))")
    }

    @Test func duplicateID() throws {
        let findings = try Fixtures.findings(compliantYAML(posts: [["id: SW-1-1-1", "title: Copy", "reports_to: TM-1-1-2"]]))
        let duplicate = try #require(findings.first { $0.rule == .duplicateID })
        #expect(duplicate.post == "SW-1-1-1")
        #expect(duplicate.severity == .error)
        #expect(duplicate.message.contains("first at line"))
        #expect(duplicate.line != nil)
    }

    @Test func unknownManagerAndDottedLine() throws {
        let findings = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: PSW", "title: Principal Social Worker", "reports_to: AD-3"],
                ["id: QA", "title: Quality Lead", "reports_to: AD-2", "dotted_to: [HOS-9]"],
            ]))
        #expect(
            Fixtures.pairs(findings, .error).filter { $0.hasPrefix("unknown-manager") } == ["unknown-manager PSW", "unknown-manager QA"])
        let psw = try #require(findings.first { $0.post == "PSW" && $0.rule == .unknownManager })
        #expect(psw.message.contains("reports_to AD-3 names no post"))
        #expect(psw.message.contains("did you mean"))
    }

    @Test func selfReport() throws {
        let text = compliantYAML().replacingOccurrences(
            of: "id: AD-2\n    title: Assistant Director, Quality\n    tier: 3\n    reports_to: ED",
            with: "id: AD-2\n    title: Assistant Director, Quality\n    tier: 3\n    reports_to: AD-2")
        let findings = try Fixtures.findings(text)
        #expect(Fixtures.pairs(findings).contains("self-report AD-2"))
        #expect(!Fixtures.pairs(findings).contains("multiple-roots AD-2"))
    }

    @Test func cycleIsReportedOnceWithItsPath() throws {
        let findings = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: X", "title: X", "reports_to: Z"], ["id: Y", "title: Y", "reports_to: X"], ["id: Z", "title: Z", "reports_to: Y"],
                ["id: BELOW", "title: Below the loop", "reports_to: Y"],
            ]))
        let cycles = findings.filter { $0.rule == .cycle }
        #expect(cycles.count == 1)
        #expect(cycles.first?.post == "X")
        #expect(cycles.first?.message.contains("X → Z → Y → X") == true)
    }

    @Test func noRootAndMultipleRoots() throws {
        let noRoot = try Fixtures.findings("posts:\n  - id: A\n    reports_to: B\n  - id: B\n    reports_to: A\n")
        #expect(Fixtures.pairs(noRoot).contains("no-root -"))
        let twoRoots = try Fixtures.findings(compliantYAML(posts: [["id: CEX", "title: Chief Executive", "tier: 1"]]))
        #expect(Fixtures.pairs(twoRoots, .error) == ["multiple-roots CEX"])
    }

    @Test func spanNarrowAndWide() throws {
        // HOS-1 loses three Service Managers to HOS-2 (leads 1, then 7); TM-4-4-4 leads 11.
        var text = compliantYAML()
        for s in 2...4 {
            text = text.replacingOccurrences(
                of: "id: SM-1-\(s)\n    title: Service Manager\n    tier: 5\n    reports_to: HOS-1",
                with: "id: SM-1-\(s)\n    title: Service Manager\n    tier: 5\n    reports_to: HOS-2")
        }
        text = text.replacingOccurrences(of: "reports_to: TM-4-4-4\n    count: 5", with: "reports_to: TM-4-4-4\n    count: 11")
        let findings = try Fixtures.findings(text)
        let narrow = try #require(findings.first { $0.rule == .spanNarrow })
        #expect(narrow.post == "HOS-1")
        #expect(narrow.message == "leads 1; tier 4 rule is 4–8")
        let wide = findings.filter { $0.rule == .spanWide }.map { "\($0.post!) \($0.message)" }
        #expect(wide == ["TM-4-4-4 leads 11; tier 6 rule is 4–10"])
        #expect(!findings.contains { $0.rule == .spanWide && $0.post == "HOS-2" })  // 7 is within 4–8
    }

    @Test func spanCountsVacanciesAndLeavesAssistantsOut() throws {
        let text = compliantYAML(posts: [
            ["id: PA-1", "title: PA", "reports_to: TM-1-1-1", "assistant: true", "count: 9"]
        ]).replacingOccurrences(of: "reports_to: TM-1-1-2\n    count: 5", with: "reports_to: TM-1-1-2\n    count: 5\n    vacant: true")
        let findings = try Fixtures.findings(text)
        #expect(findings.isEmpty, "\(Fixtures.pairs(findings))")
        let index = StructureIndex(try Fixtures.yaml(text))
        #expect(index.span[try #require(index.position(of: "TM-1-1-1"))] == 5)
        #expect(index.span[try #require(index.position(of: "TM-1-1-2"))] == 5)
    }

    @Test func tierOrderSkipUnknownAndManagerWithoutTier() throws {
        let findings = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: DHOS", "title: Deputy Head of Service", "tier: 4", "reports_to: HOS-1"],
                ["id: TM-SKIP", "title: Team Manager, EDT", "tier: 6", "reports_to: HOS-2"],
                ["id: ODD", "title: Odd tier", "tier: 7", "reports_to: TM-1-1-1"],
                ["id: LEAD", "title: Lead practitioner", "reports_to: TM-1-1-2"],
                ["id: APPRENTICE", "title: Apprentice", "reports_to: LEAD"],
            ]))
        let pairs = Fixtures.pairs(findings)
        #expect(pairs.contains("tier-order DHOS"))
        #expect(pairs.contains("tier-skip TM-SKIP"))
        #expect(pairs.contains("tier-unknown ODD"))
        #expect(pairs.contains("manager-without-tier LEAD"))
        #expect(findings.first { $0.rule == .tierSkip }?.severity == .warning)
        #expect(findings.first { $0.post == "DHOS" && $0.rule == .tierOrder }?.message.contains("also tier 4: a hidden layer") == true)
        #expect(!pairs.contains("tier-unknown ED"))
    }

    @Test func tierOneIsContext() throws {
        let text =
            compliantYAML().replacingOccurrences(
                of: "title: Executive Director\n    tier: 2", with: "title: Executive Director\n    tier: 2\n    reports_to: CEX")
            + "  - id: CEX\n    title: Chief Executive\n    tier: 1\n  - id: CEX-2\n    title: Chief Operating Officer\n    tier: 2\n    reports_to: CEX\n"
        let findings = try Fixtures.findings(text)
        #expect(findings.isEmpty, "\(Fixtures.pairs(findings))")
    }

    @Test func oneOverOne() throws {
        let findings = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: SOLO", "title: Lead", "tier: 6", "reports_to: SM-1-1"], ["id: ONLY", "title: Worker", "reports_to: SOLO"],
            ]))
        let solo = findings.filter { $0.post == "SOLO" }
        #expect(solo.map(\.rule).contains(.oneOverOne))
        #expect(solo.first { $0.rule == .oneOverOne }?.severity == .warning)
        #expect(solo.first { $0.rule == .oneOverOne }?.message == "has exactly one direct report, ONLY (Worker)")
        let two = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: PAIR", "title: Lead", "tier: 6", "reports_to: SM-1-1"], ["id: TWO", "title: Worker", "reports_to: PAIR", "count: 2"],
            ]))
        #expect(!two.contains { $0.rule == .oneOverOne })
    }

    @Test("grade-same: a post on its manager's grade is a warning; assistants and other grades are not")
    func gradeSame() throws {
        let findings = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: G-LEAD", "title: Lead", "tier: 6", "reports_to: SM-1-1", "grade: PO7"],
                ["id: G-SAME", "title: Senior Practitioner", "reports_to: G-LEAD", "grade: PO7", "count: 4"],
                ["id: G-LOWER", "title: Social Worker", "reports_to: G-LEAD", "grade: PO5"],
                ["id: G-PA", "title: Assistant", "reports_to: G-LEAD", "grade: PO7", "assistant: true"],
            ]))
        let same = findings.filter { $0.rule == .gradeSame }
        #expect(same.map(\.post) == ["G-SAME"])
        #expect(same.first?.severity == .warning)
        #expect(same.first?.message == "is graded PO7, the same as its manager G-LEAD (Lead)")
    }

    @Test func layersExceededNamesTheOverDeepManager() throws {
        let findings = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: STM", "title: Senior Team Manager", "tier: 6", "reports_to: TM-1-1-1"],
                ["id: STM-TEAM", "title: Social Worker", "reports_to: STM", "count: 4"],
            ]))
        let layers = findings.filter { $0.rule == .layersExceeded }
        #expect(layers.map(\.post) == ["STM"])
        #expect(
            layers.first?.message
                == "is management layer 6 (ED → AD → HOS-1 → SM-1-1 → TM-1-1-1 → STM); rule set childrens-social-care allows 5")
    }

    @Test func findingsAreOrderedByLineThenRule() throws {
        let findings = try Fixtures.findings(
            compliantYAML(posts: [
                ["id: B", "title: B", "tier: 4", "reports_to: TM-1-1-1"], ["id: A", "title: A", "reports_to: NOBODY"],
            ]))
        let lines = findings.compactMap(\.line)
        #expect(lines == lines.sorted())
    }
}
