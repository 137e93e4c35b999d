// SPDX-License-Identifier: Apache-2.0
import Foundation

extension URL {
    /// `scheme://host[:port]/path` without user info, query or fragment, which may carry tokens;
    /// the only form of a URL that may appear in errors and logs.
    public var redactedDescription: String {
        guard let components = URLComponents(url: self, resolvingAgainstBaseURL: true) else {
            return "<unprintable url>"
        }
        if components.scheme == "file" { return "file://" + components.percentEncodedPath }
        var text = (components.scheme ?? "") + "://" + (components.host ?? "")
        if let port = components.port { text += ":\(port)" }
        return text + components.percentEncodedPath
    }
}
