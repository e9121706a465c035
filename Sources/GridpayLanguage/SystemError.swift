import Glibc

/// An errno in words, in the current language: the commonest from SystemErrorMessages, any other
/// as the C library says it (strerror, English) with its number.
public enum SystemError {
    public static func words(_ code: Int32) -> String {
        switch code {
        case EACCES: return SystemErrorMessages.permissionDenied()
        case EPERM: return SystemErrorMessages.notPermitted()
        case ENOENT: return SystemErrorMessages.noSuchFile()
        case EISDIR: return SystemErrorMessages.isAFolder()
        case ENOTDIR: return SystemErrorMessages.partNotAFolder()
        case ENOSPC: return SystemErrorMessages.diskFull()
        case EDQUOT: return SystemErrorMessages.quotaUsedUp()
        case EROFS: return SystemErrorMessages.readOnly()
        case EIO: return SystemErrorMessages.inputOutput()
        case EEXIST: return SystemErrorMessages.exists()
        case EMFILE, ENFILE: return SystemErrorMessages.tooManyOpenFiles()
        default: return String(cString: strerror(code))
        }
    }
}
