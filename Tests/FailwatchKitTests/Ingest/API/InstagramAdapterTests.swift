// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import Foundation
import Testing

/// The provider's Instagram media as the Graph API sends them: captions and the account's own
/// replies are its statements, everyone else's comments are posts; errors name what the token lacks.
@Suite struct InstagramAdapterTests {
    static let base = URL(string: "https://graph.facebook.com/v21.0")!
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z
    let adapter = InstagramAdapter(
        base: base, query: InstagramQuery(accountID: "17841405822304914", token: "ig-secret"), now: now)

    @Test func mediaPageSplitsTheAccountsWordsFromItsCustomers() throws {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now.addingTimeInterval(-14 * 86_400))
        let body = FetchedBody(data: try APIFixtures.data("instagram/media-page.json"), finalURL: request.url)
        let page = try adapter.read(body, request: request, cursor: nil)

        try APIFixtures.expectGolden(page, fixture: "instagram/media-page.json")
        #expect(
            page.items.map(\.author) == [
                "instagram:@linzer_katze", "instagram:@urfahr.paul", nil, "instagram:@happy.customer",
            ])
        #expect(page.items.first?.link == "https://www.instagram.com/p/DCw1aB2xYz9/c/17890011223344556/")
        #expect(
            page.statements.map(\.content) == [
                "Kurzer Hinweis: Wartungsarbeiten am Netz in der Nacht auf Samstag, 02:00 bis 04:00.",
                "@linzer_katze Danke für den Hinweis, wir schauen uns das sofort an!",
                "Frohe Weihnachten wünscht euer LIWEST-Team! 🎄",
            ])
        #expect(
            page.warnings == [
                "skipped 1 of 4 comments: [3].id: null",
                "instagram: 1 comments without author (a deleted or restricted account); each counts as one person",
            ])
        // The next page goes to the configured host with the cursor, never to the API's own `next` with its token.
        #expect(page.next?.url.absoluteString.contains("access_token") == false)
        #expect(page.next.map { APIFixture.query($0.url)["after"] } == "QVFIUmFmdGVybWVkaWE")
        #expect(page.next?.headers["Authorization"] == "Bearer ig-secret")
    }

    @Test func mediaOlderThanTheCommentWindowEndTheWalk() throws {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now.addingTimeInterval(-14 * 86_400))
        // A window of one day: the Christmas media of three days ago is outside, even if the API sent it.
        let short = InstagramAdapter(
            base: Self.base, query: InstagramQuery(accountID: "17841405822304914", commentWindow: 86_400), now: Self.now
        )
        let page = try short.read(
            FetchedBody(data: try APIFixtures.data("instagram/media-page.json"), finalURL: request.url),
            request: short.firstRequest(cursor: nil, oldest: Self.now.addingTimeInterval(-14 * 86_400)), cursor: nil)

        #expect(!page.statements.contains { $0.content?.contains("Weihnachten") == true })
        #expect(!page.items.contains { $0.author == "instagram:@happy.customer" })
        #expect(page.next == nil)
    }

    @Test func requestsTheMediaOfTheWindowWithTheTokenInAHeader() {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now.addingTimeInterval(-14 * 86_400))
        let query = APIFixture.query(request.url)

        #expect(request.url.path == "/v21.0/17841405822304914/media")
        #expect(query["since"] == "1794992400")
        #expect(
            query["fields"]?.contains("comments.limit(50){id,text,timestamp,username,hidden,from{id,username},replies{")
                == true)
        #expect(query["access_token"] == nil)
        #expect(request.headers["Authorization"] == "Bearer ig-secret")
    }

    @Test(arguments: [
        (
            #"{"error":{"message":"(#10) Application does not have permission for this action","type":"OAuthException","code":10,"fbtrace_id":"A1"}}"#,
            "api: refused: instagram: the token lacks a permission (Graph API error 10); hint: it needs instagram_basic, instagram_manage_comments and pages_read_engagement"
        ),
        (
            #"{"error":{"message":"(#200) Requires instagram_manage_comments permission to manage the object","type":"OAuthException","code":200}}"#,
            "api: refused: instagram: the token lacks instagram_manage_comments (Graph API error 200); hint: grant it to the app and make a new token (it needs instagram_basic, instagram_manage_comments and pages_read_engagement)"
        ),
        (
            #"{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463}}"#,
            "api: refused: instagram: the token is expired (Graph API error 190); hint: make a new long-lived access token and set it in the environment variable named by token:"
        ),
        (
            #"{"error":{"message":"Unsupported get request. Object with ID '1784' does not exist","type":"GraphMethodException","code":100,"error_subcode":33}}"#,
            "api: refused: instagram: the Graph API does not know this id or field (error 100: Unsupported get request. Object with ID '1784' does not exist); hint: check account_id: (the Instagram professional account's id) and the API version in url:"
        ),
        (#"{"data":{"id":"1"}}"#, "api: unexpected response: unexpected value at 'data' in a page of media"),
    ])
    func errorsNameWhatIsMissing(body: String, message: String) {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.now)
        do {
            _ = try adapter.read(APIFixtures.body(body), request: request, cursor: nil)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("ig-secret"))
        }
    }
}
