// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// The feeds.yml keys of `kind: x` and `kind: facebook`, and the messages for their mistakes.
@Suite struct XFacebookConfigTests {
    func errors(_ lines: String) -> [String] {
        ConfigTestSupport.errors(SocialSourceConfigTests.head + lines)
    }

    @Test func xSearchWithTokenAndBudget() throws {
        let read = try ConfigTestSupport.parse(
            SocialSourceConfigTests.head + """
                    kind: x
                    url: https://api.x.com
                    query: (@LIWEST OR liwest) -is:retweet
                    token: ${X_BEARER_TOKEN}
                    max_results: 50
                    max_posts_per_day: 300

                """, environment: ["X_BEARER_TOKEN": "abc"]).sources.first?.query
        #expect(read == .x(XQuery(target: .search("(@LIWEST OR liwest) -is:retweet"), token: "abc", maxResults: 50, maxPostsPerDay: 300)))
    }

    @Test func xAccountAndFacebookPage() throws {
        let x = try ConfigTestSupport.parse(
            SocialSourceConfigTests.head + "    kind: x\n    url: https://api.x.com\n    account: \"@LIWEST\"\n    account_id: \"30541877\"\n    official: true\n"
        ).sources.first
        let facebook = try ConfigTestSupport.parse(
            SocialSourceConfigTests.head + "    kind: facebook\n    url: https://graph.facebook.com/v21.0\n    page_id: liwest\n    comment_window: 2d\n"
        ).sources.first
        #expect(x?.query == .x(XQuery(target: .account("LIWEST", id: "30541877"))))
        #expect(x?.official == true)
        #expect(facebook?.query == .facebook(FacebookQuery(pageID: "liwest", commentWindow: 2 * 86_400)))
        #expect(facebook?.carriesOfficialWord == true)
    }

    @Test(arguments: [
        ("kind: x\n    url: https://api.x.com\n",
         "feeds.yml:5:5: missing required key 'query' in source 'social'; hint: search with query: '(@LIWEST OR liwest) -is:retweet', or read an account with account: LIWEST"),
        ("kind: x\n    url: https://api.x.com\n    query: liwest\n    account: LIWEST\n",
         "feeds.yml:9:5: 'query' and 'account' in source 'social' exclude each other; hint: make two sources"),
        ("kind: x\n    url: https://api.x.com\n    query: liwest\n    max_results: 5\n",
         "feeds.yml:9:18: 'max_results' in source 'social' must be between 10 and 100 for a search, found '5'"),
        ("kind: x\n    url: https://api.x.com\n    account: li west\n",
         "feeds.yml:8:14: invalid account 'li west' in source 'social'; hint: the handle as in x.com/HANDLE, e.g. LIWEST"),
        ("kind: x\n    url: https://api.x.com\n    query: liwest\n    max_posts_per_day: lots\n",
         "feeds.yml:9:24: expected a whole number for 'max_posts_per_day' in source 'social', found 'lots'"),
        ("kind: facebook\n    url: https://graph.facebook.com/v21.0\n",
         "feeds.yml:5:5: missing required key 'page_id' in source 'social'; hint: the page's id or username, e.g. page_id: liwest"),
        ("kind: facebook\n    url: https://graph.facebook.com/v21.0\n    page_id: liwest/feed\n",
         "feeds.yml:8:14: invalid page_id 'liwest/feed' in source 'social'; hint: the number or name in facebook.com/NAME"),
        ("kind: facebook\n    url: https://graph.facebook.com/v21.0\n    page_id: liwest\n    query: x\n",
         "feeds.yml:9:5: key 'query' in source 'social' is not used by kind 'facebook'; hint: it belongs to bluesky, reddit, hackernews, lemmy, x, threads"),
    ])
    func mistakesAreReportedWithPositionAndHint(lines: String, message: String) {
        #expect(errors("    " + lines) == [message])
    }
}

/// The feeds.yml keys of `kind: instagram` and `kind: threads`.
@Suite struct InstagramThreadsConfigTests {
    @Test func instagramAccountAndBothThreadsModes() throws {
        let instagram = try ConfigTestSupport.parse(
            SocialSourceConfigTests.head
                + "    kind: instagram\n    url: https://graph.facebook.com/v21.0\n    account_id: \"17841405822304914\"\n    token: ${IG_TOKEN}\n    comment_window: 2d\n",
            environment: ["IG_TOKEN": "ig"]
        ).sources.first
        let search = try ConfigTestSupport.parse(
            SocialSourceConfigTests.head + "    kind: threads\n    url: https://graph.threads.net/v1.0\n    query: liwest störung\n"
        ).sources.first
        let account = try ConfigTestSupport.parse(
            SocialSourceConfigTests.head + "    kind: threads\n    url: https://graph.threads.net/v1.0\n    token: t\n"
        ).sources.first
        #expect(instagram?.query == .instagram(InstagramQuery(accountID: "17841405822304914", token: "ig", commentWindow: 2 * 86_400)))
        #expect(instagram?.carriesOfficialWord == true)
        #expect(search?.query == .threads(.search("liwest störung", token: nil)))
        #expect(search?.carriesOfficialWord == false)
        #expect(account?.query == .threads(.account(token: "t", commentWindow: 3 * 86_400)))
        #expect(account?.carriesOfficialWord == true)
    }

    @Test(arguments: [
        ("kind: instagram\n    url: https://graph.facebook.com/v21.0\n",
         "feeds.yml:5:5: missing required key 'account_id' in source 'social'; hint: the Instagram professional account's id, e.g. account_id: \"17841405822304914\""),
        ("kind: instagram\n    url: https://graph.facebook.com/v21.0\n    account_id: liwest_at\n",
         "feeds.yml:8:17: 'account_id' in source 'social' must be the numeric Instagram account id, found 'liwest_at'; hint: GET /{page-id}?fields=instagram_business_account gives it"),
        ("kind: threads\n    url: https://graph.threads.net/v1.0\n    query: liwest\n    comment_window: 1d\n",
         "feeds.yml:9:5: 'comment_window' in source 'social' reads the account's own threads; a search (query:) has none"),
    ])
    func mistakesAreReportedWithPositionAndHint(lines: String, message: String) {
        #expect(ConfigTestSupport.errors(SocialSourceConfigTests.head + "    " + lines) == [message])
    }
}
