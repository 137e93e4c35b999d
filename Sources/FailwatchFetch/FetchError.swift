// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Why a fetch failed, worded for a run summary line.
///
/// Cases carry only redacted URLs (scheme://host/path) and never header values,
/// because query strings and headers may hold API tokens.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A final status outside 2xx/304 that is not a back-off request.
    case http(status: Int)
    /// The whole request took longer than the policy allows.
    case timedOut(seconds: TimeInterval)
    /// The body (as received) passed `maxBodyBytes`.
    case bodyTooLarge(limit: Int)
    /// The gzip/deflate-decoded body passed `maxDecompressedBytes`.
    case decompressedTooLarge(limit: Int)
    /// The server declared gzip/deflate but sent bytes that do not decode.
    case badContentEncoding
    /// A redirect pointed back to a URL already visited.
    case redirectLoop(at: String)
    /// More redirect hops than `maxRedirects`.
    case tooManyRedirects(limit: Int)
    /// A redirect to something other than http(s), e.g. `file://`, which is never followed.
    case unsupportedRedirect(to: String)
    /// The request URL's scheme is not http, https or file.
    case unsupportedScheme(String)
    /// Nothing listens on the host and port.
    case connectionRefused
    /// DNS did not resolve the host.
    case hostNotFound
    /// The TLS handshake or certificate check failed.
    case tls(String)
    /// A `file://` source whose file does not exist.
    case fileNotFound(path: String)
    /// A `file://` source that exists but cannot be read.
    case fileUnreadable(path: String, reason: String)
    /// Any other transport failure (connection reset, bad response…).
    case network(String)
    /// The calling task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .http(let status):
            if let phrase = Self.phrases[status] { return "http \(status) \(phrase)" }
            return "http \(status)"
        case .timedOut(let seconds):
            return "timed out after \(Self.formatSeconds(seconds))"
        case .bodyTooLarge(let limit):
            return "body larger than \(Self.formatBytes(limit))"
        case .decompressedTooLarge(let limit):
            return "decompressed body larger than \(Self.formatBytes(limit)) (gzip bomb?)"
        case .badContentEncoding:
            return "body could not be decoded (broken gzip/deflate)"
        case .redirectLoop(let url):
            return "redirect loop at \(url)"
        case .tooManyRedirects(let limit):
            return "more than \(limit) redirects"
        case .unsupportedRedirect(let url):
            return "redirect to unsupported url \(url)"
        case .unsupportedScheme(let scheme):
            return "unsupported url scheme \"\(scheme)\" (use http, https or file)"
        case .connectionRefused:
            return "connection refused"
        case .hostNotFound:
            return "host not found"
        case .tls(let detail):
            return "tls: \(detail)"
        case .fileNotFound(let path):
            return "file not found: \(path)"
        case .fileUnreadable(let path, let reason):
            return "file unreadable: \(path): \(reason)"
        case .network(let detail):
            return "network: \(detail)"
        case .cancelled:
            return "cancelled"
        }
    }

    /// Reason phrases only where they tell the user what to do; other statuses print bare.
    private static let phrases: [Int: String] = [
        400: "bad request",
        401: "unauthorized (check the credentials)",
        403: "forbidden",
        404: "not found",
        410: "gone (the feed was removed)",
        451: "unavailable for legal reasons",
    ]

    /// "20 MiB", "512 KiB" or "1000 bytes": the limit as a user would have written it.
    static func formatBytes(_ count: Int) -> String {
        let mebi = 1024 * 1024
        if count >= mebi, count % mebi == 0 { return "\(count / mebi) MiB" }
        if count >= 1024, count % 1024 == 0 { return "\(count / 1024) KiB" }
        return "\(count) bytes"
    }

    /// "20 s" or "0.5 s".
    static func formatSeconds(_ seconds: TimeInterval) -> String {
        if seconds == seconds.rounded() { return "\(Int(seconds)) s" }
        return "\(seconds) s"
    }
}
