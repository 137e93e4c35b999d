// SPDX-License-Identifier: Apache-2.0

/// How posts are judged beyond the built-in rules and lexicons.
public struct ClassifierConfig: Sendable, Equatable {
    /// Absolute path of a model written by `failwatch train`; relative paths in feeds.yml are
    /// resolved against its directory. `nil`: rules only.
    public var modelPath: String?

    public init(modelPath: String? = nil) {
        self.modelPath = modelPath
    }
}
