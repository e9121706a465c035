import GridpayCore

/// Problems that stop a command, with the texts needed to show source lines under them.
public struct PipelineFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [String: String]

    public init(diagnostics: [Diagnostic], sources: [String: String] = [:]) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    public init(message: String) {
        self.init(diagnostics: [.error(message, at: nil)])
    }
}
