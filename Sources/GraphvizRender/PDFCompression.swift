import CCairo

/// The compression level of a chartbook's PDF streams.
///
/// cairo compresses every stream of a PDF (each page's drawing, the fonts) with zlib at its
/// default level, 6, and has no setting for another. At level 3 a 1,212-page chartbook is
/// about a tenth larger and its streams take about half the time to compress: compressing
/// was a quarter of the time cairo took to finish each page of a review's four chartbooks.
/// Defined here, zlib's `deflateInit_` (what `deflateInit` calls) is the one cairo calls, as
/// the dynamic linker finds the program's own definition first; a caller that names its
/// level keeps it, and nothing else in the program compresses with the default.
enum PDFCompression {
    static let level: Int32 = 3
}

@_cdecl("deflateInit_")
public func orgmodelDeflateInit(_ stream: z_streamp?, _ level: Int32, _ version: UnsafePointer<CChar>?, _ size: Int32) -> Int32 {
    deflateInit2_(
        stream, level == Z_DEFAULT_COMPRESSION ? PDFCompression.level : level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, size)
}
