import OrgSupport

/// Refused characters as the readers report them: the file, line and column.
extension RefusedCharacters {
    /// The error for text from `file` holding a refused character at byte `offset` of
    /// `bytes`: the line, and the column in characters.
    static func error(_ scalar: Unicode.Scalar, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String, what: String)
        -> LoadError
    {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = 1 + String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), as: UTF8.self).count
        return LoadError(file: file, line: line, column: column, .refusedCharacter(what: what, character: describe(scalar)))
    }

    /// Refuses valid UTF-8 `bytes` of `file` that hold a refused character.
    static func check(_ bytes: [UInt8], file: String, what: String = "the text") throws(LoadError) {
        let found: LoadError? = bytes.withUnsafeBufferPointer { buffer in
            guard let (offset, scalar) = first(inUTF8: buffer) else { return nil }
            return error(scalar, at: offset, in: buffer, file: file, what: what)
        }
        if let found { throw found }
    }
}
