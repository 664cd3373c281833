import Foundation

/// Raw writes to the standard streams, so large outputs need no intermediate copies.
enum FileHandleOutput {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A file-system error as a short reason ("Permission denied", "No such file or
/// directory") rather than Foundation's wrapped description.
func fileSystemReason(_ error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    switch (error.domain, error.code) {
    case (NSCocoaErrorDomain, NSFileNoSuchFileError):
        return "no such file or directory on the way there"
    case (NSCocoaErrorDomain, NSFileWriteNoPermissionError), (NSCocoaErrorDomain, NSFileReadNoPermissionError):
        return "permission denied"
    case (NSCocoaErrorDomain, NSFileWriteFileExistsError):
        return "a file of that name is in the way"
    default:
        return error.localizedDescription
    }
}
