import Testing

@testable import OrgModel
@testable import OrgReports

/// A deviation stands only with a rationale agreed by every approver the rules require.
@Suite struct DeviationTests {
    /// HOS-1 leading only SM-1-1 (span 1), with `deviation` lines on HOS-1.
    func narrowHead(_ deviation: [String]) -> String {
        var text = compliantYAML(extra: ["HOS-1": ["deviations:"] + deviation.map { "  " + $0 }])
        for s in 2...4 {
            text = text.replacingOccurrences(
                of: "id: SM-1-\(s)\n    title: Service Manager\n    tier: 5\n    reports_to: HOS-1",
                with: "id: SM-1-\(s)\n    title: Service Manager\n    tier: 5\n    reports_to: HOS-2")
        }
        return text
    }

    @Test func agreedDeviationAcceptsTheFinding() throws {
        let findings = try Fixtures.findings(
            narrowHead([
                "- rule: span-narrow", "  rationale: New service, grows to five teams by April.", "  agreed_by: [SLT, HR]",
                "  agreed_on: 2020-09-30", "  review_by: 2021-04-01",
            ]))
        let narrow = try #require(findings.first { $0.rule == .spanNarrow && $0.post == "HOS-1" })
        #expect(narrow.severity == .accepted)
        #expect(narrow.deviation?.statedRationale == "New service, grows to five teams by April.")
        #expect(!findings.contains { $0.severity == .error })
        let result = try Validator(rules: Fixtures.rules, asOf: Fixtures.asOf).validate(
            Fixtures.yaml(
                narrowHead([
                    "- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT, HR]",
                ])))
        #expect(result.passes)
        #expect(result.acceptedCount == 1)
    }

    @Test func approversAreMatchedWithoutRegardToCase() throws {
        let findings = try Fixtures.findings(narrowHead(["- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [slt, Hr]"]))
        #expect(findings.first { $0.rule == .spanNarrow }?.severity == .accepted)
    }

    @Test func missingApproverLeavesTheErrorAndIsItselfAnError() throws {
        let findings = try Fixtures.findings(narrowHead(["- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT]"]))
        #expect(findings.first { $0.rule == .spanNarrow }?.severity == .error)
        let unagreed = try #require(findings.first { $0.rule == .deviationUnagreed })
        #expect(unagreed.severity == .error)
        #expect(unagreed.message.contains("is not agreed by HR"))
    }

    @Test func missingRationaleIsUnagreed() throws {
        let findings = try Fixtures.findings(narrowHead(["- rule: span-narrow", "  rationale: '   '", "  agreed_by: [SLT, HR]"]))
        #expect(findings.first { $0.rule == .spanNarrow }?.severity == .error)
        #expect(findings.first { $0.rule == .deviationUnagreed }?.message.contains("has no rationale") == true)
    }

    @Test func deviationCoveringNothingIsUnused() throws {
        let findings = try Fixtures.findings(
            compliantYAML(extra: [
                "HOS-2": [
                    "deviations:", "  - rule: span-wide", "    rationale: Just in case.", "    agreed_by: [SLT, HR]",
                ]
            ]))
        #expect(Fixtures.pairs(findings) == ["deviation-unused HOS-2"])
        #expect(findings.first?.severity == .warning)
    }

    @Test("A deviation dated after the day judged is not yet agreed; a review before the agreement is refused")
    func deviationDates() throws {
        let future = try Fixtures.findings(
            narrowHead([
                "- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT, HR]", "  agreed_on: 2099-01-01",
            ]))
        #expect(future.first { $0.rule == .spanNarrow }?.severity == .error)
        #expect(future.first { $0.rule == .deviationUnagreed }?.message.contains("is agreed on 2099-01-01, after") == true)
        let backwards = try #require(
            Fixtures.loadError(
                narrowHead([
                    "- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT, HR]", "  agreed_on: 2021-01-01",
                    "  review_by: 2020-01-01",
                ])))
        #expect(backwards.message == "deviation from span-narrow: review_by 2020-01-01 is before agreed_on 2021-01-01")
    }

    @Test("A second deviation from the same rule is unused, and says it repeats the first")
    func repeatedDeviation() throws {
        let findings = try Fixtures.findings(
            narrowHead([
                "- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT, HR]",
                "- rule: span-narrow", "  rationale: Again.", "  agreed_by: [SLT]",
            ]))
        #expect(findings.first { $0.rule == .spanNarrow }?.severity == .accepted)
        let unused = try #require(findings.first { $0.rule == .deviationUnused })
        #expect(unused.message.contains("repeats another deviation from that rule for this post"))
        #expect(!unused.message.contains("meets that rule"))
    }

    @Test func deviationPastReviewIsExpiredButStillAccepts() throws {
        let text = narrowHead(["- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT, HR]", "  review_by: 2021-04-01"])
        let before = try Fixtures.findings(text, asOf: Day(year: 2021, month: 4, day: 1)!)
        #expect(!before.contains { $0.rule == .deviationExpired })
        let after = try Fixtures.findings(text, asOf: Day(year: 2021, month: 4, day: 2)!)
        let expired = try #require(after.first { $0.rule == .deviationExpired })
        #expect(expired.severity == .warning)
        #expect(expired.message.contains("2021-04-01"))
        #expect(after.first { $0.rule == .spanNarrow }?.severity == .accepted)
    }

    @Test func customApproversComeFromTheRuleSet() throws {
        let rules = try RuleSetReader.parse(
            """
            name: strict
            approvers: [SLT, HR, Finance]
            tiers:
              - {tier: 2, role: Executive Director}
              - {tier: 3, role: Assistant Director}
              - {tier: 4, role: Head of Service, span: {min: 4, max: 8}}
              - {tier: 5, role: Service Manager, span: {min: 4, max: 8}}
              - {tier: 6, role: Team Manager, span: {min: 4, max: 10}}
            """, source: "strict.yaml")
        let structure = try Fixtures.yaml(narrowHead(["- rule: span-narrow", "  rationale: Growing.", "  agreed_by: [SLT, HR]"]))
        let findings = Validator(rules: rules, asOf: Fixtures.asOf).validate(structure).findings
        #expect(findings.first { $0.rule == .spanNarrow }?.severity == .error)
        #expect(findings.first { $0.rule == .deviationUnagreed }?.message.contains("Finance") == true)
    }

    @Test func integrityChecksCannotBeWaived() throws {
        let error = Fixtures.loadError(
            compliantYAML(extra: [
                "HOS-2": [
                    "deviations:", "  - rule: duplicate-id", "    rationale: No.", "    agreed_by: [SLT, HR]",
                ]
            ]))
        #expect(error?.message.contains("cannot cover duplicate-id") == true)
        let typo = Fixtures.loadError(
            compliantYAML(extra: [
                "HOS-2": [
                    "deviations:", "  - rule: span-narow", "    rationale: No.", "    agreed_by: [SLT, HR]",
                ]
            ]))
        #expect(typo?.hint == "did you mean span-narrow?")
    }

    @Test("A finding stays on one line of the text report when a title holds a line break")
    func multiLineTitleStaysOnOneLine() {
        let finding = Finding(rule: .spanNarrow, post: "B", postTitle: "Multi\nline", line: 3, message: "leads 2")
        #expect(ValidationReport.line(for: finding, file: "f.csv") == "error    span-narrow          B \"Multi / line\": leads 2 (f.csv:3)")
    }
}
