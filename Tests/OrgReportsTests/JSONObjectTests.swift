import OrgSupport
import Testing

@testable import OrgReports

/// The key-value object the reports build their JSON from writes what a struct with the
/// same properties wrote: the reports' golden files rest on that.
@Suite struct JSONObjectTests {
    /// The struct an object of the same keys stands for.
    struct Figures: Encodable {
        var managerPosts: Int
        var meanSpan: Double
        var name: String?
        @JSONNull var agreedOn: String?
        var bands: [JSONBand]
    }

    @Test("An object writes the bytes of the struct it stands for: keys snake_case and sorted, nil left out or null")
    func sameBytesAsAStruct() throws {
        let bands = [JSONBand(band: "2-3", managers: 4)]
        let figures = Figures(managerPosts: 12, meanSpan: 4.25, name: nil, agreedOn: nil, bands: bands)
        let object = JSONObject(["meanSpan": 4.25, "managerPosts": 12, "name": nil as String?, "bands": bands])
            .merging(JSONObject(["agreedOn": nil as String?], nullWhenNil: true))
        let expected = try ReportJSON.encode(figures, what: "figures")
        #expect(try ReportJSON.encode(object, what: "figures") == expected)
        #expect(expected.contains("\"agreed_on\" : null"))
        #expect(!expected.contains("\"name\""))
    }

    @Test("Objects nest, and a figure JSON cannot hold is named by its path")
    func nestedAndNotFinite() {
        let object = JSONObject(["tiers": [JSONObject(["mean": 1.5]), JSONObject(["mean": Double.nan])]])
        do {
            _ = try ReportJSON.encode(object, what: "the analysis")
            Issue.record("a NaN was encoded")
        } catch {
            #expect(error.message.contains("tiers[1].mean"))
        }
    }
}
