// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Decides whether a response carries news, so unchanged feeds are not parsed again.
///
/// Mirrors Miniflux's `ResponseHandler.IsModified`: a 304 is never modified; otherwise a
/// response ETag, when present, decides alone; otherwise Last-Modified decides; a response
/// with neither validator is always modified. This also catches servers that ignore
/// `If-None-Match` and answer 200 with the same ETag.
enum ConditionalGET {
    /// - Parameters:
    ///   - status: the final HTTP status.
    ///   - responseETag: the response's `ETag`, if any.
    ///   - responseLastModified: the response's `Last-Modified`, if any.
    ///   - storedETag: the ETag sent as `If-None-Match`.
    ///   - storedLastModified: the date sent as `If-Modified-Since`.
    /// - Returns: `false` when the stored copy is still current.
    static func isModified(
        status: Int, responseETag: String?, responseLastModified: String?,
        storedETag: String?, storedLastModified: String?
    ) -> Bool {
        if status == 304 { return false }
        if let etag = nonEmpty(responseETag) { return etag != storedETag }
        if let lastModified = nonEmpty(responseLastModified) { return lastModified != storedLastModified }
        return true
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
