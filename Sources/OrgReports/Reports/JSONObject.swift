import OrgSupport

/// A JSON object given as its keys and values, for the report objects that share most of
/// their keys (a structure's figures, a deviation's agreement) but not all: each report
/// lists the keys it writes, and the keys several reports write alike come from one
/// shared function, rather than each report declaring a struct of its own.
///
/// Keys are written as Swift property names would be (`managerPosts`) and go through the
/// reports' one key strategy, so the JSON is what an `Encodable` struct with those
/// properties gave: keys snake_case and sorted, a nil value left out, or written as
/// `null` where the object says so (a list whose every entry has every key).
public struct JSONObject: Encodable {
    /// A nil value stands for `null`; one to be left out is never stored.
    private var entries: [(key: String, value: (any Encodable)?)] = []

    /// The entries in the order given; a nil value is left out, or with `nullWhenNil`
    /// written as `null`.
    init(_ entries: KeyValuePairs<String, (any Encodable)?>, nullWhenNil: Bool = false) {
        for (key, value) in entries where value != nil || nullWhenNil {
            self.entries.append((key, value))
        }
    }

    /// This object's entries and then `other`'s; the two never share a key (a key written
    /// twice would leave the JSON to the encoder's whim).
    func merging(_ other: JSONObject) -> JSONObject {
        assert(Set(entries.map(\.key)).isDisjoint(with: other.entries.map(\.key)), "a JSON key given twice")
        var merged = self
        merged.entries += other.entries
        return merged
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in entries {
            if let value {
                try container.encode(value, forKey: Key(stringValue: key))
            } else {
                try container.encodeNil(forKey: Key(stringValue: key))
            }
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) { self.stringValue = stringValue }

        init?(intValue: Int) { nil }
    }
}
