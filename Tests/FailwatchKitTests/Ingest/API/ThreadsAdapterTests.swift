// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import Foundation
import Testing

/// Threads as its API sends it: a keyword search's posts, and the provider's own threads with
/// the conversation under each, its own replies as statements.
@Suite struct ThreadsAdapterTests {
    static let base = URL(string: "https://graph.threads.net/v1.0")!
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    @Test func searchPageKeepsPostsMarksRepostsAndPagesOnTheConfiguredHost() throws {
        let adapter = ThreadsSearchAdapter(base: Self.base, terms: "liwest", token: "th-secret")
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now.addingTimeInterval(-86_400))
        let page = try adapter.read(
            FetchedBody(data: try APIFixtures.data("threads/search-page.json"), finalURL: request.url),
            request: request, cursor: nil)

        try APIFixtures.expectGolden(page, fixture: "threads/search-page.json")
        #expect(page.items.map(\.author) == ["threads:@welser.bua", nil, "threads:@repost.fan"])
        #expect(page.items.map(\.repost) == [false, false, true])
        #expect(page.warnings == ["skipped 1 of 5 posts: [4].id: missing"])
        #expect(page.next?.url.host == "graph.threads.net")
        #expect(page.next?.url.absoluteString.contains("access_token") == false)
        #expect(APIFixture.query(request.url)["since"] == "1795165200")
        #expect(APIFixture.query(request.url)["search_type"] == "RECENT")
        #expect(request.headers["Authorization"] == "Bearer th-secret")
    }

    @Test func accountReadsItsThreadsThenEachConversation() throws {
        let adapter = ThreadsAccountAdapter(
            base: Self.base, token: "th-secret", commentWindow: 3 * 86_400, now: Self.now)
        let first = adapter.firstRequest(cursor: "stale\n1,2", oldest: Self.now.addingTimeInterval(-14 * 86_400))
        let threads = try adapter.read(
            FetchedBody(data: try APIFixtures.data("threads/me-threads.json"), finalURL: first.url), request: first,
            cursor: "stale\n1,2")

        #expect(first.url.path == "/v1.0/me/threads")
        #expect(APIFixture.query(first.url)["since"] == "1794992400")
        #expect(threads.items.isEmpty)
        #expect(
            threads.statements.map(\.published) == [
                FeedDate.parse("2026-11-21T08:58:00Z"), FeedDate.parse("2026-11-18T10:00:00Z"),
            ])
        // Only the thread with replies is asked for its conversation; the stale cursor is forgotten.
        #expect(threads.next?.url.path == "/v1.0/18061111111111111/conversation")
        #expect(threads.cursor == "liwest_at\n")

        let conversation = try #require(threads.next)
        let replies = try adapter.read(
            FetchedBody(data: try APIFixtures.data("threads/conversation.json"), finalURL: conversation.url),
            request: conversation, cursor: threads.cursor)
        #expect(replies.items.map(\.author) == ["threads:@linz.lena", nil])
        #expect(replies.statements.map(\.content) == ["@linz.lena Wir rechnen mit etwa einer Stunde."])
        #expect(
            replies.warnings == [
                "threads: 1 replies without author (accounts that are not public); each counts as one person"
            ])
        #expect(replies.next == nil)
    }

    @Test(arguments: [
        (
            #"{"error":{"message":"(#10) Application does not have permission for this action: threads_read_replies","type":"THApiException","code":10}}"#,
            "api: refused: threads: the token lacks threads_read_replies (Graph API error 10); hint: grant it to the app and make a new token (it needs threads_basic and threads_read_replies)"
        ),
        (
            #"{"error":{"message":"Error validating access token: Session has expired on Saturday, 21-Nov-26.","type":"OAuthException","code":190,"error_subcode":463}}"#,
            "api: refused: threads: the token is expired (Graph API error 190); hint: make a new long-lived access token and set it in the environment variable named by token:"
        ),
    ])
    func errorsNameWhatIsMissing(body: String, message: String) {
        let adapter = ThreadsSearchAdapter(base: Self.base, terms: "liwest", token: "th-secret")
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now)
        do {
            _ = try adapter.read(APIFixtures.body(body), request: request, cursor: nil)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("th-secret"))
        }
    }
}
