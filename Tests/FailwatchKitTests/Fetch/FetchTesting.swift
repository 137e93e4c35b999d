// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchTestSupport
import Foundation

/// Shared bits of the fetch tests: short timeouts and result accessors.
enum FetchTesting {
    static let mebibyte = 1024 * 1024

    /// A policy with a short timeout so a broken test fails in seconds, not 20 s.
    static func policy(
        timeout: TimeInterval = 60, maxBodyBytes: Int = 20 * 1024 * 1024,
        maxDecompressedBytes: Int = 50 * 1024 * 1024, maxRedirects: Int = 5
    ) -> FetchPolicy {
        FetchPolicy(
            timeout: timeout, maxBodyBytes: maxBodyBytes, maxDecompressedBytes: maxDecompressedBytes,
            maxRedirects: maxRedirects)
    }

    static let rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Störungen</title>
        <item><title>Glasfaser ausgefallen in Köln</title><link>https://example.org/1</link></item>
        </channel></rss>
        """
}

extension FetchResult {
    var body: FetchedBody? {
        if case .fetched(let body) = self { return body }
        return nil
    }

    var error: FetchError? {
        if case .failed(let error) = self { return error }
        return nil
    }
}
