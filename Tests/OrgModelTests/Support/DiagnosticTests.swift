import Foundation
import Testing

@testable import OrgAnalysis
@testable import OrgModel
@testable import OrgReports
@testable import OrgSupport

/// Every kind of diagnostic has a stable, namespaced code, typed arguments, and words
/// as it did when each site built its own sentence.
@Suite("Diagnostics: codes, arguments and one English per domain")
struct DiagnosticTests {
    @Test("Load problems: a stable load.… code each, and the message and hint as before")
    func loadProblems() {
        let cases: [(LoadProblem, String, String)] = [
            (
                .noSuchFile(path: "a.yaml", advice: true), "load.no-such-file",
                "no such file; check the path; a relative path is read from the current folder"
            ),
            (.noSuchFile(path: "/a.yaml", advice: true), "load.no-such-file", "no such file; check the path"),
            (.noSuchFile(path: "a.csv", advice: false), "load.no-such-file", "no such file"),
            (.unreadable(reason: nil), "load.unreadable", "cannot be read; check the file's permissions"),
            (.unreadable(reason: "Permission denied"), "load.unreadable", "cannot be read: Permission denied"),
            (.fileEmpty(kind: "rules file"), "load.file-empty", "the file is empty; a rules file holds YAML keys; see the README"),
            (.fileEmpty(kind: "extract"), "load.file-empty", "the file is empty; an extract has a header row and a row per post"),
            (
                .tooLarge(field: "tier", text: "99999999999999999999"), "load.too-large",
                "tier \"99999999999999999999\" is too large; give a whole number of a sensible size"
            ),
            (.negative(field: "fte", text: "-1"), "load.negative", "fte cannot be negative (-1); give the full-time equivalent, 0 or more"),
            (.stateUnknown(text: "draft"), "load.state-unknown", "state must be current, proposed or option, not \"draft\""),
            (
                .vacantOverCount(post: "A", vacant: 3, count: 2), "load.vacant-over-count",
                "post A: vacant 3 is more than its count 2; vacant counts posts of the line; set count to the establishment"
            ),
            (
                .spanMinOverMax(min: 8, max: 4), "load.span-min-over-max",
                "span min 8 is more than max 4; write the smaller number as min, e.g. {min: 4, max: 8}"
            ),
            (
                .rulesFileMissing(path: "r.yaml", fromStructure: false), "load.rules-file-missing",
                "the rules file r.yaml does not exist; a --rules path is read from the current folder"
            ),
            (
                .yamlSyntax(problem: "found character that cannot start any token", context: nil, contextLine: nil), "load.yaml-syntax",
                "YAML syntax error: found character that cannot start any token; indent with spaces: YAML does not allow tabs there"
            ),
            (
                .fieldCount(found: 3, expected: 2, headerLine: 1), "load.field-count",
                "the row has 3 fields but the header (line 1) has 2; quote any field that holds the delimiter"
            ),
            (
                .unknownKey(what: "post", key: "titel", suggestion: "title", known: []), "load.unknown-key",
                "unknown post key \"titel\"; did you mean title?"
            ),
            (
                .organogramColumnsMissing(missing: ["Grade"], senior: true, looksOther: true, columns: []),
                "load.organogram-columns-missing",
                "the header has no \"Grade\" column: not an organogram senior file; this looks like the junior file: give the senior file first, then the junior"
            ),
            (
                .headerLacksColumns(missing: ["\"Boss\" (reports_to)"], header: ["A;B"], extract: nil, headerLine: nil),
                "load.header-lacks-columns",
                "the header has no column \"Boss\" (reports_to); the header is one column holding ;: try --delimiter ';'"
            ),
            (.encodingOption(text: "latin1"), "load.encoding-option", "the encoding must be auto, utf-8 or windows-1252, not latin1"),
        ]
        for (problem, code, english) in cases {
            #expect(problem.code == code)
            #expect(problem.english == english)
        }
    }

    @Test("A LoadError says itself as before, and is a located load.… diagnostic")
    func loadErrorDescription() {
        let error = LoadError(file: "s.yaml", line: 4, column: 7, .tierBelowOne(tier: 0))
        #expect(error.description == "s.yaml:4:7: tier must be 1 or more, not 0; leave tier out for front-line posts")
        #expect(error.message == "tier must be 1 or more, not 0")
        #expect(error.hint == "leave tier out for front-line posts")
        let diagnostic = error.diagnostic
        #expect(diagnostic.code == "load.tier-below-one")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "s.yaml", line: 4, column: 7))
        #expect(diagnostic.arguments == [DiagnosticArgument("tier", .integer(0))])
        #expect(diagnostic.message(as: LoadProblem.self) == .tierBelowOne(tier: 0))
    }

    @Test("A file's load error is typed at the site: the kind, not only the sentence")
    func loadErrorIsTyped() {
        let error = Fixtures.loadError("posts:\n  - id: A\n    tier: 0\n")
        #expect(error?.problem == .tierBelowOne(tier: 0))
        #expect(error?.line == 3)
    }

    @Test("Comparison notes: compare.… codes, arguments by name, the English as before")
    func comparisonNotes() {
        let note = ComparisonNote.replacedTwice(taker: "B", takerLine: 4, post: "C", line: 0, replaces: "A")
        #expect(note.code == "compare.replaced-twice")
        #expect(note.english == "proposed posts B (line 4) and C both replace A: B takes its place and C counts as created")
        #expect(
            note.arguments == [
                DiagnosticArgument("taker", .string("B")), DiagnosticArgument("takerLine", .integer(4)),
                DiagnosticArgument("post", .string("C")),
                DiagnosticArgument("line", .integer(0)), DiagnosticArgument("replaces", .string("A")),
            ])
        let matched = ComparisonNote.matchedInAnotherForm(posts: 1, matching: .case, examples: ["CEO as ceo"])
        #expect(matched.code == "compare.matched-in-another-form")
        #expect(matched.english == "1 post matched only under --match-ids case, their ids differing in form: CEO as ceo")
        #expect(matched.arguments[1] == DiagnosticArgument("matching", .string("case")))
        #expect(matched.arguments[2] == DiagnosticArgument("examples", .strings(["CEO as ceo"])))
        let repeated = ComparisonNote.repeatedIDs(side: "current", ids: ["B"])
        #expect(repeated.code == "compare.repeated-ids")
        #expect(
            repeated.english
                == "the current structure repeats the id B: only the first post with an id is matched; each repeat counts as deleted (validate reports the repeats)"
        )
    }

    @Test("Delayering notes and moves: delayer.… codes, the sentence from the one wording place")
    func delayeringMessages() {
        let post = DelayeringMessage.Described(id: "SM", title: "Service Manager")
        let kept = DelayeringMessage.oneOverOneAccepted(post: post)
        #expect(kept.code == "delayer.one-over-one-accepted")
        #expect(kept.english == "SM (Service Manager) leads one post but is kept: an agreed deviation covers it")
        let move = DelayeringMessage.removeOneOverOne(post: post, movedReports: ["TM"], receiver: "HOS", cost: CostTotal(known: 52_000))
        #expect(move.code == "delayer.remove-one-over-one")
        #expect(move.english == "Remove SM (Service Manager), a one-over-one manager: TM moves up to HOS. Saves £52,000 a year.")
        #expect(move.arguments.map(\.name) == ["post", "postTitle", "movedReports", "receiver", "cost"])
        #expect(move.arguments[0] == DiagnosticArgument("post", .string("SM")))
        #expect(move.arguments[4] == DiagnosticArgument("cost", .decimal(52_000)))
        #expect(move.arguments[2] == DiagnosticArgument("movedReports", .strings(["TM"])))
        let split = DelayeringMessage.needsSplit(
            post: post, span: 12, tier: 4, rule: SpanRule(min: 4, max: 8), parts: 2, blocker: .tooManyLayers(layer: 7, allowed: 6))
        #expect(
            split.english
                == "SM (Service Manager) leads 12 (tier 4 rule 4–8) and needs splitting into 2, which this option cannot do: a new post beside it would be management layer 7, more than the 6 allowed."
        )
    }

    @Test("Codes are kebab-case, an initialism one word")
    func codes() {
        #expect(DiagnosticCode.kebab("readAsWindows1252") == "read-as-windows1252")
        #expect(DiagnosticCode.kebab("notYAMLText") == "not-yaml-text")
        #expect(DiagnosticCode.kebab("repeatedID") == "repeated-id")
        #expect(DiagnosticCode.kebab("jobShareFTE") == "job-share-fte")
        #expect(DiagnosticCode.kebab("utf16Text") == "utf16-text")
        #expect(LoadProblem.invalidUTF8(advice: .saveAsUTF8).code == "load.invalid-utf8")
    }

    @Test("Import diagnostics are the core Diagnostic, with import.… and row.… codes")
    func importDiagnostics() {
        let note: ImportDiagnostic = .note(.fractionalLines(2))
        #expect(note.code == "import.fractional-lines")
        #expect(note.arguments == [DiagnosticArgument("value", .integer(2))])
        #expect(note.severity == .note)
        let problem = Diagnostic(ImportMessage.problem(.empty(column: "Position ID")), severity: .error)
        #expect(problem.code == "row.empty")
        #expect(problem.arguments == [DiagnosticArgument("column", .string("Position ID"))])
    }

    @Test("JSON gives code and arguments beside the message: validate's unreadable, compare's notes")
    func json() throws {
        let error = LoadError(file: "s.yaml", line: 2, .stateUnknown(text: "draft"))
        let validation = try ValidationReport(entries: [.unreadable(error)]).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(validation.utf8)) as? [String: Any])
        let unreadable = try #require((object["unreadable"] as? [[String: Any]])?.first)
        #expect(unreadable["code"] as? String == "load.state-unknown")
        #expect((unreadable["arguments"] as? [String: Any])?["text"] as? String == "draft")
        #expect(unreadable["message"] as? String == "state must be current, proposed or option, not \"draft\"")
        #expect(unreadable["line"] as? Int == 2)

        let diff = StructureDiff(
            current: Structure(posts: [Post(id: "A", title: "Head")]),
            proposed: Structure(posts: [Post(id: "A", title: "Head"), Post(id: "B", title: "New", reportsTo: "A", replaces: "Z")]))
        let notes = try #require(
            try JSONSerialization.jsonObject(
                with: Data(ReportJSON.encode(["notes": diff.comparisonNotes.map { DiagnosticJSON($0) }], what: "x").utf8))
                as? [String: [[String: Any]]])
        let note = try #require(notes["notes"]?.first)
        #expect(note["code"] as? String == "compare.replaces-unknown")
        #expect((note["arguments"] as? [String: Any])?["replaces"] as? String == "Z")
        #expect(note["message"] as? String == "proposed post B replaces Z, which is not in the current structure: B counts as created")
    }
}

extension DiagnosticTests {
    @Test("Values inside import messages give plain arguments, not Swift descriptions")
    func importArguments() {
        let note = ImportMessage.note(
            .repeatedRows(rows: .init(3, "junior line"), fte: 1.5, first: SourceLocation(file: "j.csv", line: 4), outcome: .ownLines))
        #expect(
            note.arguments == [
                DiagnosticArgument("rows", .integer(3)), DiagnosticArgument("rowsNoun", .string("junior line")),
                DiagnosticArgument("fte", .decimal(1.5)), DiagnosticArgument("first", .string("j.csv:4")),
                DiagnosticArgument("outcome", .string("own-lines")),
            ])
        let problem = ImportMessage.problem(
            .unknownManager(column: "Boss", reference: "z", idColumn: "ID", within: "the extract", form: .caseOnly("Z")))
        #expect(
            problem.arguments.suffix(2) == [
                DiagnosticArgument("form", .string("case-only")), DiagnosticArgument("formMatches", .strings(["Z"])),
            ])
    }
}
