// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit
@testable import FailwatchFetch

@Suite struct FetchErrorTests {
    @Test(arguments: [
        (FetchError.http(status: 404), "http 404 not found"),
        (.http(status: 410), "http 410 gone (the feed was removed)"),
        (.http(status: 500), "http 500"),
        (.timedOut(seconds: 20), "timed out after 20 s"),
        (.timedOut(seconds: 0.5), "timed out after 0.5 s"),
        (.bodyTooLarge(limit: 20 * 1024 * 1024), "body larger than 20 MiB"),
        (.bodyTooLarge(limit: 1000), "body larger than 1000 bytes"),
        (.decompressedTooLarge(limit: 50 * 1024 * 1024), "decompressed body larger than 50 MiB (gzip bomb?)"),
        (.tooManyRedirects(limit: 5), "more than 5 redirects"),
        (.connectionRefused, "connection refused"),
        (.hostNotFound, "host not found"),
        (.fileNotFound(path: "/data/feed.xml"), "file not found: /data/feed.xml"),
    ])
    func describesEachFailureOnOneLine(error: FetchError, expected: String) {
        #expect(error.description == expected)
    }

    @Test func redactedURLsDropUserInfoQueryAndFragment() throws {
        let url = try #require(URL(string: "https://user:pw@api.example.org:8443/v1/feed?token=SECRET#top"))
        #expect(url.redactedDescription == "https://api.example.org:8443/v1/feed")
    }
}
