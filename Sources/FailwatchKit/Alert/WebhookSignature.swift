// SPDX-License-Identifier: Apache-2.0
import Crypto
import Foundation

/// Signs generic webhook requests so a receiver can tell them from forgeries and replays:
/// `X-Failwatch-Timestamp: <unix seconds>` and
/// `X-Failwatch-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
///
/// A receiver recomputes the HMAC over the timestamp header, a `.`, and the raw body bytes,
/// compares in constant time, and rejects timestamps more than 5 minutes off its clock.
public enum WebhookSignature {
    public static let timestampHeader = "X-Failwatch-Timestamp"
    public static let signatureHeader = "X-Failwatch-Signature"

    /// `sha256=<64 lower-case hex digits>`.
    public static func signature(body: Data, secret: String, timestamp: Int) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Both headers for a body sent at `now`.
    public static func headers(body: Data, secret: String, now: Date) -> [String: String] {
        let timestamp = Int(now.timeIntervalSince1970)
        return [
            timestampHeader: String(timestamp),
            signatureHeader: signature(body: body, secret: secret, timestamp: timestamp),
        ]
    }
}
