/// The character encodings HR extracts arrive in: UTF-8 (with or without a byte-order
/// mark) from current systems and from a spreadsheet's "CSV UTF-8", and Windows-1252 from
/// a spreadsheet's plain "CSV" on a Windows PC, which is still what many council systems
/// export.
///
/// The CSV reader works on the file's own bytes whatever the encoding (every byte that
/// matters to CSV is ASCII in both), and each field is decoded on its own. That keeps
/// the reader fast and lets a reject file hold bad rows byte for byte as they came.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// Accepts the usual spellings: `utf-8`, `utf8`, `windows-1252`, `cp1252`, `ansi`.
    public init?(name: String) {
        switch name.lowercased().filter({ $0 != "-" && $0 != "_" && $0 != " " }) {
        case "utf8": self = .utf8
        case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
        default: return nil
        }
    }

    /// UTF-8 when the bytes are valid UTF-8; Windows-1252 otherwise, since every byte
    /// sequence is readable as Windows-1252 and an invalid UTF-8 file is almost always one.
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        isValidUTF8(bytes) ? .utf8 : .windows1252
    }

    /// Whether the bytes are valid UTF-8, checked without building a string.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // Long ASCII stretches are the common case: skip eight bytes at a time.
            var i = 0
            let count = buffer.count
            guard let base = buffer.baseAddress else { return true }
            while i < count {
                if i + 8 <= count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let lead = buffer[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch lead {
                case 0xC2...0xDF:
                    length = 2
                    minimum = 0x80
                    scalar = UInt32(lead & 0x1F)
                case 0xE0...0xEF:
                    length = 3
                    minimum = 0x800
                    scalar = UInt32(lead & 0x0F)
                case 0xF0...0xF4:
                    length = 4
                    minimum = 0x10000
                    scalar = UInt32(lead & 0x07)
                default: return false
                }
                guard i + length <= count else { return false }
                for k in 1..<length {
                    let byte = buffer[i + k]
                    guard byte & 0xC0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                // Overlong forms, surrogates and values past Unicode's end are not UTF-8.
                guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
                i += length
            }
            return true
        }
    }

    /// Decodes one field's bytes.
    public func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Self.windows1252Scalar(byte)) }
            return String(scalars)
        }
    }

    /// The character a Windows-1252 byte stands for. The five bytes the code page leaves
    /// undefined map to the C1 controls of the same value, as web browsers read them.
    package static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte - 0x80)]
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
