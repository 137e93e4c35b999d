// SPDX-License-Identifier: Apache-2.0

/// One answer of the X API v2 (`/2/tweets/search/recent`, `/2/users/:id/tweets`): only the
/// fields failwatch reads. An empty result has no `data` at all (`{"meta":{"result_count":0}}`);
/// a partial failure comes as `errors` beside or instead of `data`, with status 200.
///
/// Shape: https://docs.x.com/x-api/posts/search-recent-posts
struct XResponse: Decodable {
    var data: [XTweet]?
    var includes: XIncludes?
    var meta: XMeta?
    var errors: [XProblem]?
}

/// A post (still called a tweet by the API).
struct XTweet: Decodable {
    /// A decimal snowflake: it orders posts and carries their creation time.
    var id: String
    var text: String?
    var authorID: String?
    /// ISO 8601 with milliseconds, `2026-11-21T08:41:07.000Z`.
    var createdAt: String?
    /// BCP 47, or X's own `und`, `qme`, `zxx`… for none.
    var lang: String?
    var referencedTweets: [XReference]?

    enum CodingKeys: String, CodingKey {
        case id, text, lang
        case authorID = "author_id"
        case createdAt = "created_at"
        case referencedTweets = "referenced_tweets"
    }
}

/// A post this one retweets (`retweeted`), quotes (`quoted`) or answers (`replied_to`).
struct XReference: Decodable {
    var type: String?
    var id: String?
}

/// The objects `expansions=` asked for; an author who is suspended or deleted is missing.
struct XIncludes: Decodable {
    var users: [XUser]?
}

/// An author, or the answer of `/2/users/by/username/:username` (in `data`).
struct XUser: Decodable {
    var id: String
    var username: String?
}

/// Paging: `next_token` pages older; counts are not read (untrusted and not needed).
struct XMeta: Decodable {
    var nextToken: String?

    enum CodingKeys: String, CodingKey { case nextToken = "next_token" }
}

/// An RFC 7807-style problem, as X reports a refused query or an unknown user.
struct XProblem: Decodable {
    var title: String?
    var detail: String?

    /// One line for the run summary.
    var text: String {
        [title, detail].compactMap { $0?.nonEmpty }.joined(separator: ": ").nonEmpty ?? "unknown problem"
    }
}

/// The answer of a user lookup.
struct XUserLookup: Decodable {
    var data: XUser?
    var errors: [XProblem]?
}
