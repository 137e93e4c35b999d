// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// A Facebook page feed as the Graph API sends it: the page's posts and replies are its
/// statements, everyone else's comments are posts; error codes say what the token lacks.
@Suite struct FacebookAdapterTests {
    static let base = URL(string: "https://graph.facebook.com/v21.0")!
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z
    let adapter = FacebookAdapter(
        base: base, query: FacebookQuery(pageID: "liwest", token: "page-secret"), now: now)

    @Test func feedPageSplitsThePagesWordsFromItsCustomers() throws {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now.addingTimeInterval(-14 * 86_400))
        let body = FetchedBody(data: try APIFixtures.data("facebook/feed-page.json"), finalURL: request.url)
        let page = try adapter.read(body, request: request, cursor: nil)

        try APIFixtures.expectGolden(page, fixture: "facebook/feed-page.json")
        #expect(page.statements.map(\.content) == [
            "Wir wünschen allen Kundinnen und Kunden frohe Weihnachten! 🎄",
            "Liebe Kundinnen und Kunden, wir prüfen gerade eine Störung im Raum Wels. Updates folgen.",
            "LIWEST updated their cover photo.",
        ])
        #expect(page.statements.first?.published.map(FeedDate.iso8601UTC) == "2026-11-20T16:00:00Z")
        #expect(page.warnings == [
            "facebook: 1 comments without author: the page token lacks pages_read_user_content, so commenters cannot be told apart"
        ])
        #expect(page.next?.url.host == "graph.facebook.com")
        #expect(page.next?.headers["Authorization"] == "Bearer page-secret")
    }

    @Test func requestsTheCommentWindowWithTheTokenInAHeader() {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now.addingTimeInterval(-14 * 86_400))
        let query = APIFixture.query(request.url)

        #expect(request.url.path == "/v21.0/liwest/feed")
        #expect(query["since"] == "1794992400")
        #expect(query["fields"]?.contains("comments.filter(stream).order(reverse_chronological).limit(100)") == true)
        #expect(query["access_token"] == nil)
        #expect(request.headers["Authorization"] == "Bearer page-secret")
    }

    @Test(arguments: [
        (#"{"error":{"message":"Error validating access token: Session has expired on Friday, 20-Nov-26 10:00:00 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbC"}}"#,
         "api: refused: facebook: the page token is expired (Graph API error 190); hint: make a new long-lived page access token and set it in the environment variable named by token:"),
        (#"{"error":{"message":"(#10) This endpoint requires the 'pages_read_engagement' permission","type":"OAuthException","code":10}}"#,
         "api: refused: facebook: the page token lacks pages_read_engagement (Graph API error 10); hint: grant it to the app and make a new token (it needs pages_read_engagement and pages_read_user_content)"),
        (#"{"error":{"message":"(#200) Permissions error","type":"OAuthException","code":200}}"#,
         "api: refused: facebook: the page token lacks a permission (Graph API error 200); hint: it needs pages_read_engagement and pages_read_user_content"),
        (#"{"error":{"message":"(#200) Missing permissions","type":"OAuthException","code":200.5}}"#,
         "api: refused: facebook: Graph API error: (#200) Missing permissions"),
        (#"{"data":[{"message":"no id"}]}"#, "api: unexpected response: missing 'data[0].id' in a page feed"),
    ])
    func errorsNameWhatIsMissing(body: String, message: String) {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now)
        do {
            _ = try adapter.read(APIFixtures.body(body), request: request, cursor: nil)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("page-secret"))
        }
    }
}
