import Foundation

/// What the shared import pipeline needs to know of a source format: the names its
/// messages use, and the few rules a format sets for itself.
public struct ImportFormat: Sendable {
    /// How a format words a job share whose rows disagree.
    public struct Style: Sendable, Hashable {
        /// Between the fields that differ: `, ` or ` and `.
        public var differenceSeparator: String
        /// Whether the sentence ends by asking for the row's own reference.
        public var advisesOwnReference: Bool
    }

    /// A field the rows of a job share must agree on, by its column name.
    struct Compared: Sendable {
        var field: PostField
        var column: String
    }

    var idColumn: String
    /// The manager column of each input file, in file order.
    var reportsToColumns: [String]
    /// How a message writes a row with no manager: `none`, or the organogram's `XX`.
    var noManager: String
    /// Where an id is looked for, in messages: `the extract`, or the senior file's name.
    var within: String
    /// What a row of each file is, for notes: `post`, or `senior post` and `junior line`.
    var rowNouns: [String]
    /// What a row of each file is called: `row`, or `senior row` and `junior row`.
    var rowWords: [String]
    /// Whether the rows of each file carry ids of their own (an organogram's junior lines do not).
    var ownIDs: [Bool]
    var style: Style
    /// What the rows of a job share must agree on, in the order a message lists them.
    var compared: [Compared]
    /// The cost column's name, for a job share whose summed cost is out of bounds.
    var costColumn = "cost"
    /// Whether rows repeating an id are job shares (else the later rows are rejected).
    var jobShares: Bool
    /// Whether a job share one of whose rows is rejected is left out whole (else the
    /// rejected row alone goes).
    var leavesOutSpoiledShares: Bool
    /// Whether the job-share note says cost is summed too.
    var costSummed: Bool
    /// How a manager's reference must agree with an id to name it.
    var matching: IDMatching

    /// The text of `field` in `post`, as the rows of a job share are compared.
    static func text(of field: PostField, in post: Post) -> String? {
        switch field {
        case .title: post.title
        case .grade: post.grade
        case .tier: post.tier.map(String.init)
        case .temporary: post.temporary ? "yes" : "no"
        case .service: post.service
        default: nil
        }
    }
}
